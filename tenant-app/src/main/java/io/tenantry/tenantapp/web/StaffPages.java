package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.entitlements.EntitlementsStore;
import io.tenantry.tenantapp.identity.IdentityDtos.InvitationView;
import io.tenantry.tenantapp.identity.IdentityDtos.InviteRequest;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.identity.StaffService;
import io.tenantry.tenantapp.identity.StaffUsers;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Staff management: seats used of allowed, inviting within them (a clear message at the limit),
 * roles, disabling and enabling, and resetting someone's password. The API's {@link StaffService}
 * does all of it, seat limit included.
 */
@Path("/app/staff")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

  private final StaffService staff;
  private final StaffUsers staffUsers;
  private final EntitlementsStore entitlements;
  private final Pages pages;
  private final Template template;
  private final CurrentStaff current;
  private final Forms forms;

  StaffPages(
      StaffService staff,
      StaffUsers staffUsers,
      EntitlementsStore entitlements,
      Pages pages,
      @Location("app/staff.html") Template template,
      CurrentStaff current,
      Forms forms) {
    this.staff = staff;
    this.staffUsers = staffUsers;
    this.entitlements = entitlements;
    this.pages = pages;
    this.template = template;
    this.current = current;
    this.forms = forms;
  }

  @GET
  public TemplateInstance list() {
    current.require("staff:read");
    return render(Map.of(), Map.of(), null, null);
  }

  @POST
  public Response invite(
      @RestForm("_csrf") String csrf,
      @RestForm String email,
      @RestForm String displayName,
      @RestForm String role) {
    current.checkCsrf(csrf);
    current.require("staff:write");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("email", email);
    values.put("displayName", displayName);
    values.put("role", role);
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    Role parsed = null;
    try {
      parsed = Enums.parse(Role.class, "role", Views.blankToNull(role));
    } catch (ProblemException e) {
      fieldErrors.putAll(Forms.errorsOf(e));
    }
    InviteRequest request = new InviteRequest(email, displayName, parsed);
    forms.validate(request).forEach(fieldErrors::putIfAbsent);
    if (fieldErrors.isEmpty()) {
      try {
        InvitationView invitation = staff.invite(email, displayName, parsed);
        return Response.status(201)
            .entity(render(Map.of(), Map.of(), invitation, "invited"))
            .build();
      } catch (ProblemException e) {
        fieldErrors.putAll(fieldOf(e));
      }
    }
    return Response.status(fieldErrors.containsKey("seats") ? 409 : 400)
        .entity(render(values, fieldErrors, null, null))
        .build();
  }

  @POST
  @Path("{id}/role")
  public TemplateInstance changeRole(
      UUID id, @RestForm("_csrf") String csrf, @RestForm String role) {
    current.checkCsrf(csrf);
    SignedIn me = current.require("staff:write");
    staff.changeRole(id, Enums.parse(Role.class, "role", role), me.userId());
    return render(Map.of(), Map.of(), null, null).data("notice", "Role changed.");
  }

  @POST
  @Path("{id}/disable")
  public TemplateInstance disable(UUID id, @RestForm("_csrf") String csrf) {
    current.checkCsrf(csrf);
    SignedIn me = current.require("staff:write");
    staff.disable(id, me.userId());
    return render(Map.of(), Map.of(), null, null).data("notice", "Staff user disabled.");
  }

  /**
   * A refusal (no seat free, or an invitation never accepted, so no password to give back) comes
   * back as the staff page with what to do instead, not as the generic conflict page.
   */
  @POST
  @Path("{id}/enable")
  public Response enable(UUID id, @RestForm("_csrf") String csrf) {
    current.checkCsrf(csrf);
    current.require("staff:write");
    try {
      staff.enable(id);
    } catch (ProblemException e) {
      if (e.problem().status() == 404) {
        throw e;
      }
      return Response.status(e.problem().status())
          .entity(render(Map.of(), Map.of(), null, null).data("refusal", enableRefusal(id, e)))
          .build();
    }
    return Response.ok(render(Map.of(), Map.of(), null, null).data("notice", "Staff user enabled."))
        .build();
  }

  private String enableRefusal(UUID id, ProblemException e) {
    if (e.problem().type().endsWith("/invitation-not-accepted")) {
      return staff.get(id).email()
          + " never accepted their invitation, so there is no password to give back:"
          + " invite them again with the form instead.";
    }
    return "Not enabled: " + e.getMessage();
  }

  @POST
  @Path("{id}/reset-password")
  public TemplateInstance resetPassword(UUID id, @RestForm("_csrf") String csrf) {
    current.checkCsrf(csrf);
    SignedIn me = current.require("staff:write");
    InvitationView link = staff.resetPassword(id, me.userId());
    return render(Map.of(), Map.of(), link, "reset");
  }

  TemplateInstance render(
      Map<String, String> values,
      Map<String, String> fieldErrors,
      InvitationView link,
      String linkKind) {
    long used = staffUsers.countSeated();
    int seats = entitlements.current().seats();
    return pages
        .page(template, "staff", "Staff")
        .data("staff", staff.list())
        .data("seatsUsed", used)
        .data("seats", seats)
        .data("full", used >= seats)
        .data("canWrite", current.can("staff:write"))
        .data("me", current.signedIn())
        .data("roles", Arrays.stream(Role.values()).map(Role::name).toList())
        .data("values", values)
        .data("errors", fieldErrors)
        .data("link", link == null ? null : "/app/invitation?token=" + link.inviteToken())
        .data("linkFor", link == null ? null : link.user().email())
        .data("linkKind", linkKind)
        .data("notice", null)
        .data("refusal", null);
  }

  /** A seat-limit refusal is shown above the form; a duplicate e-mail beside its field. */
  private static Map<String, String> fieldOf(ProblemException e) {
    var problem = e.problem();
    if (problem.type().endsWith("/seat-limit")) {
      return Map.of("seats", e.getMessage());
    }
    if ("email".equals(problem.extensions().get("field"))) {
      return Map.of("email", "another staff user already has this e-mail");
    }
    return Forms.errorsOf(e);
  }
}
