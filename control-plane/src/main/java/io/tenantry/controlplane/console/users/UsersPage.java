package io.tenantry.controlplane.console.users;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.Permissions;
import io.tenantry.controlplane.access.RequiresPermission;
import io.tenantry.controlplane.console.session.ConsoleUser;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.invitations.InvitationRequests;
import io.tenantry.controlplane.invitations.InvitationResource;
import io.tenantry.controlplane.invitations.InvitationService;
import io.tenantry.controlplane.invitations.InvitationView;
import io.tenantry.controlplane.signin.MfaService;
import io.tenantry.controlplane.users.UserRequests;
import io.tenantry.controlplane.users.UserService;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Platform users: the list, create with a role or invite an email with one (and the pending
 * invitations, revocable), change a role, disable and enable, and an owner's reset of another
 * user's MFA.
 */
@Path("/console/users")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class UsersPage {

  @CheckedTemplate(basePath = "console/UsersPage")
  static class Templates {
    static native TemplateInstance page(
        List<UserService.UserView> users,
        List<InvitationView> invitations,
        Form form,
        Form inviteForm);

    static native TemplateInstance createForm(Form form);

    static native TemplateInstance inviteForm(Form inviteForm);

    static native TemplateInstance invited(InvitationView invitation, String link);
  }

  private final UserService users;
  private final InvitationService invitations;
  private final MfaService mfa;
  private final ConsoleUser me;
  private final Validator validator;

  UsersPage(
      UserService users,
      InvitationService invitations,
      MfaService mfa,
      ConsoleUser me,
      Validator validator) {
    this.users = users;
    this.invitations = invitations;
    this.mfa = mfa;
    this.me = me;
    this.validator = validator;
  }

  @GET
  @RequiresPermission(Permissions.USERS_READ)
  public TemplateInstance page() {
    return Templates.page(
        users.list(),
        invitations.pending(),
        Form.empty().with("role", "support"),
        Form.empty().with("role", "support"));
  }

  /** Invites an email with a role; the answer shows the one-time link, once. */
  @POST
  @Path("/invitations")
  @RequiresPermission(Permissions.USERS_WRITE)
  public Response invite(@RestForm String email, @RestForm String role, @Context UriInfo uri) {
    InvitationRequests.Create request = new InvitationRequests.Create(email, role);
    Form form =
        Form.empty()
            .with("email", email)
            .with("role", role)
            .violations(validator.validate(request));
    if (!form.valid()) {
      return Response.status(422).entity(Templates.inviteForm(form)).build();
    }
    try {
      InvitationService.Issued issued = invitations.invite(request, me.user().id);
      return Response.ok(
              Templates.invited(issued.invitation(), InvitationResource.link(uri, issued.token())))
          .build();
    } catch (ProblemException e) {
      form.problem(e);
      return Response.status(e.problem().status()).entity(Templates.inviteForm(form)).build();
    }
  }

  @POST
  @Path("/invitations/{id}/revoke")
  @RequiresPermission(Permissions.USERS_WRITE)
  public Response revoke(@PathParam("id") UUID id) {
    invitations.revoke(id);
    return Response.ok().header("HX-Redirect", "/console/users").build();
  }

  @POST
  @RequiresPermission(Permissions.USERS_WRITE)
  public Response create(@RestForm String email, @RestForm String password, @RestForm String role) {
    UserRequests.Create request = new UserRequests.Create(email, password, role);
    Form form =
        Form.empty()
            .with("email", email)
            .with("role", role)
            .violations(validator.validate(request));
    if (form.valid()) {
      try {
        users.create(request);
        return Response.ok().header("HX-Redirect", "/console/users").build();
      } catch (ProblemException e) {
        form.problem(e);
        return Response.status(e.problem().status()).entity(Templates.createForm(form)).build();
      }
    }
    return Response.status(422).entity(Templates.createForm(form)).build();
  }

  /** A new role, or enabled/disabled; the API's rules (one enabled owner at least) apply. */
  @POST
  @Path("/{id}")
  @RequiresPermission(Permissions.USERS_WRITE)
  public Response update(
      @PathParam("id") UUID id, @RestForm String role, @RestForm String enabled) {
    UserRequests.Update request =
        new UserRequests.Update(
            role == null || role.isBlank() ? null : role,
            enabled == null ? null : Boolean.valueOf(enabled));
    if (!validator.validate(request).isEmpty()) {
      throw ProblemException.invalid("role", "must be one of owner, admin, support, billing");
    }
    users.update(id, request);
    return Response.ok().header("HX-Redirect", "/console/users").build();
  }

  /** Removes the user's second factor; they sign in with the password and must enrol again. */
  @POST
  @Path("/{id}/mfa-reset")
  @RequiresPermission(Permissions.USERS_WRITE)
  public Response resetMfa(@PathParam("id") UUID id) {
    mfa.reset(id, me.user().id);
    return Response.ok().header("HX-Redirect", "/console/users").build();
  }
}
