package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.identity.AuthService;
import io.tenantry.tenantapp.identity.IdentityDtos.AcceptInviteRequest;
import io.tenantry.tenantapp.identity.IdentityDtos.PasswordChange;
import io.tenantry.tenantapp.identity.StaffService;
import io.tenantry.tenantapp.identity.StaffUser;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Signing in and out, the invitation page and the password change. The session and CSRF checks are
 * {@link StaffWebFilter}'s and {@link CurrentStaff}'s; sign-in itself is the API's ({@link
 * AuthService#authenticate}), against this tenant's own database only.
 */
@Path("/app")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

  private final Template signIn;
  private final Template invitation;
  private final Template password;
  private final Pages pages;
  private final AuthService auth;
  private final StaffService staff;
  private final WebSessions sessions;
  private final CurrentStaff current;
  private final Forms forms;

  SignInPages(
      @Location("app/sign-in.html") Template signIn,
      @Location("app/invitation.html") Template invitation,
      @Location("app/password.html") Template password,
      Pages pages,
      AuthService auth,
      StaffService staff,
      WebSessions sessions,
      CurrentStaff current,
      Forms forms) {
    this.signIn = signIn;
    this.invitation = invitation;
    this.password = password;
    this.pages = pages;
    this.auth = auth;
    this.staff = staff;
    this.sessions = sessions;
    this.current = current;
    this.forms = forms;
  }

  @GET
  @Path("sign-in")
  public Object signInPage() {
    if (current.user().isPresent()) {
      return Response.seeOther(URI.create("/app")).build();
    }
    return pages.page(signIn, "sign-in", "Sign in").data("error", null).data("email", null);
  }

  @POST
  @Path("sign-in")
  public Object signIn(
      @RestForm String email,
      @RestForm String password,
      HttpHeaders headers,
      HttpServerRequest request) {
    StaffUser user;
    try {
      if (email == null || email.isBlank() || password == null || password.length() > 128) {
        throw new IllegalArgumentException();
      }
      user = auth.authenticate(email.strip(), password, request.remoteAddress().hostAddress());
    } catch (ProblemException e) {
      // the API's one answer for unknown user, wrong password and disabled account; a throttled
      // sign-in says when to try again, as the API's 429 does
      boolean locked = e.retryAfterSeconds() != null;
      return Response.status(locked ? 429 : 401)
          .entity(signInRefused(email, locked ? e.problem().detail() : null))
          .build();
    } catch (IllegalArgumentException e) {
      return Response.status(401).entity(signInRefused(email, null)).build();
    }
    WebSessions.Created session = sessions.create(user);
    String next = user.passwordChangeRequired ? StaffWebFilter.PASSWORD : "/app";
    return Response.seeOther(URI.create(next))
        .cookie(cookie(session.cookieValue(), headers, -1))
        .build();
  }

  @POST
  @Path("sign-out")
  public Response signOut(@RestForm("_csrf") String csrf, HttpHeaders headers) {
    current.checkCsrf(csrf);
    sessions.delete(current.signedIn().sessionHash());
    return Response.seeOther(URI.create(StaffWebFilter.SIGN_IN))
        .cookie(cookie("", headers, 0))
        .build();
  }

  @GET
  @Path("invitation")
  public TemplateInstance invitationPage(@RestQuery String token) {
    return pages
        .page(invitation, "invitation", "Set your password")
        .data("token", token)
        .data("errors", Map.of())
        .data("done", false);
  }

  /** Public like the API's accept-invite: the one-time token is the credential. */
  @POST
  @Path("invitation")
  public Response acceptInvitation(@RestForm String token, @RestForm String password) {
    AcceptInviteRequest request = new AcceptInviteRequest(token, password);
    Map<String, String> errors = forms.validate(request);
    if (errors.isEmpty()) {
      try {
        staff.acceptInvite(token, password);
      } catch (ProblemException e) {
        errors = Map.of("inviteToken", e.getMessage());
      }
    }
    TemplateInstance page =
        pages
            .page(invitation, "invitation", "Set your password")
            .data("token", token)
            .data("errors", errors)
            .data("done", errors.isEmpty());
    return Response.status(errors.isEmpty() ? 200 : 400).entity(page).build();
  }

  @GET
  @Path("password")
  public TemplateInstance passwordPage() {
    return pages
        .page(password, "password", "Change your password")
        .data("required", current.signedIn().passwordChangeRequired())
        .data("errors", Map.of())
        .data("done", false);
  }

  @POST
  @Path("password")
  public Response changePassword(
      @RestForm("_csrf") String csrf,
      @RestForm String currentPassword,
      @RestForm String newPassword) {
    current.checkCsrf(csrf);
    PasswordChange request = new PasswordChange(currentPassword, newPassword);
    Map<String, String> errors = forms.validate(request);
    if (errors.isEmpty()) {
      try {
        SignedIn me = current.signedIn();
        staff.changePassword(me.userId(), currentPassword, newPassword);
        sessions.deleteOthersOf(me.userId(), me.sessionHash());
      } catch (ProblemException e) {
        errors = Forms.errorsOf(e);
      }
    }
    TemplateInstance page =
        pages
            .page(password, "password", "Change your password")
            .data("required", !errors.isEmpty() && current.signedIn().passwordChangeRequired())
            .data("errors", errors)
            .data("done", errors.isEmpty());
    return Response.status(errors.isEmpty() ? 200 : 400).entity(page).build();
  }

  /**
   * HttpOnly, SameSite=Strict, the whole site; Secure except on a loopback or *.localhost host,
   * where browsers serve plain http (local runs and tests).
   */
  static NewCookie cookie(String value, HttpHeaders headers, int maxAge) {
    String host = String.valueOf(headers.getHeaderString("Host")).replaceFirst(":\\d+$", "");
    boolean local =
        host.equals("localhost") || host.endsWith(".localhost") || host.equals("127.0.0.1");
    return new NewCookie.Builder(StaffWebFilter.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(!local)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }

  private Object signInRefused(String email, String lockedDetail) {
    String error =
        lockedDetail == null
            ? "E-mail or password is wrong."
            : "Too many failed sign-ins: " + lockedDetail + ".";
    return pages.page(signIn, "sign-in", "Sign in").data("error", error).data("email", email);
  }
}
