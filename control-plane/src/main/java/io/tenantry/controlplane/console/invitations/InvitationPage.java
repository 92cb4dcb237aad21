package io.tenantry.controlplane.console.invitations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.PublicEndpoint;
import io.tenantry.controlplane.console.session.ConsoleGuard;
import io.tenantry.controlplane.console.session.ConsoleSessions;
import io.tenantry.controlplane.console.session.SessionCookie;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.invitations.InvitationRequests;
import io.tenantry.controlplane.invitations.InvitationService;
import io.tenantry.controlplane.invitations.InvitationView;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The invitee's page, open without a session: the invitation's email and role and a password form.
 * Accepting creates the account and signs the browser in, as a sign-in would; an invitee whose role
 * needs two-factor sign-in goes to enrolment first. A link that cannot be used says why.
 */
@Path("/console/invitations/{token}")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class InvitationPage {

  private static final String HOME = "/console/tenants";
  private static final int UNPROCESSABLE = 422;

  @CheckedTemplate(basePath = "console/InvitationPage")
  static class Templates {
    static native TemplateInstance page(String token, InvitationView invitation, Form form);

    static native TemplateInstance form(String token, Form form);

    static native TemplateInstance refused(String heading, String detail);
  }

  private final InvitationService invitations;
  private final ConsoleSessions sessions;
  private final Validator validator;

  InvitationPage(InvitationService invitations, ConsoleSessions sessions, Validator validator) {
    this.invitations = invitations;
    this.sessions = sessions;
    this.validator = validator;
  }

  @GET
  @PublicEndpoint
  public Response page(@PathParam("token") String token) {
    try {
      return Response.ok(Templates.page(token, invitations.open(token), Form.empty())).build();
    } catch (ProblemException e) {
      return refused(e);
    }
  }

  @POST
  @PublicEndpoint
  public Response accept(
      @PathParam("token") String token, @RestForm String password, HttpHeaders headers) {
    Form form =
        Form.empty().violations(validator.validate(new InvitationRequests.Accept(token, password)));
    if (!form.valid()) {
      return Response.status(UNPROCESSABLE).entity(Templates.form(token, form)).build();
    }
    PlatformUser user;
    try {
      user = invitations.accept(token, password);
    } catch (ProblemException e) {
      form.problem(e);
      return Response.status(e.problem().status()).entity(Templates.form(token, form)).build();
    }
    ConsoleSessions.Started started = sessions.start(user);
    return Response.ok()
        .cookie(
            SessionCookie.issue(started.cookieValue(), headers.getHeaderString(HttpHeaders.HOST)))
        .header("HX-Redirect", user.mfaEnrolmentRequired ? ConsoleGuard.MFA : HOME)
        .build();
  }

  private static Response refused(ProblemException e) {
    String heading =
        e.problem().status() == 404 ? "Invitation not found" : "Invitation no longer valid";
    return Response.status(e.problem().status())
        .entity(Templates.refused(heading, e.problem().detail()))
        .build();
  }
}
