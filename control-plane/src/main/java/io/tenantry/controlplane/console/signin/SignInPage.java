package io.tenantry.controlplane.console.signin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.PublicEndpoint;
import io.tenantry.controlplane.access.SelfService;
import io.tenantry.controlplane.console.session.ConsoleGuard;
import io.tenantry.controlplane.console.session.ConsoleSessions;
import io.tenantry.controlplane.console.session.ConsoleUser;
import io.tenantry.controlplane.console.session.SessionCookie;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.signin.AuthService;
import io.tenantry.controlplane.signin.LoginRequest;
import io.tenantry.controlplane.signin.PasswordChange;
import io.tenantry.controlplane.signin.PasswordChanges;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Sign-in (password and, when enrolled, a TOTP or recovery code), the forced password change and
 * sign-out. The checks are the API's own ({@link AuthService#verify}, {@link PasswordChanges});
 * only the session differs: a server-side browser session instead of tokens.
 */
@Path("/console")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

  static final String HOME = "/console/tenants";
  private static final int UNPROCESSABLE = 422;

  @CheckedTemplate(basePath = "console/SignInPage")
  static class Templates {
    static native TemplateInstance page(Form form);

    static native TemplateInstance form(Form form);

    static native TemplateInstance password(Form form);

    static native TemplateInstance passwordForm(Form form);
  }

  private final AuthService auth;
  private final PasswordChanges passwords;
  private final ConsoleSessions sessions;
  private final ConsoleUser me;
  private final Validator validator;

  SignInPage(
      AuthService auth,
      PasswordChanges passwords,
      ConsoleSessions sessions,
      ConsoleUser me,
      Validator validator) {
    this.auth = auth;
    this.passwords = passwords;
    this.sessions = sessions;
    this.me = me;
    this.validator = validator;
  }

  @GET
  @PublicEndpoint
  public Response home() {
    return Response.seeOther(URI.create(HOME)).build();
  }

  @GET
  @Path("/sign-in")
  @PublicEndpoint
  public TemplateInstance signInPage() {
    return Templates.page(Form.empty());
  }

  @POST
  @Path("/sign-in")
  @PublicEndpoint
  public Response signIn(
      @RestForm String email,
      @RestForm String password,
      @RestForm String code,
      HttpHeaders headers) {
    Form form = Form.empty().with("email", email).with("code", code);
    String trimmed = code == null ? "" : code.strip();
    boolean totp = trimmed.matches("\\d{6}");
    LoginRequest login =
        new LoginRequest(
            email, password, totp ? trimmed : null, !totp && !trimmed.isEmpty() ? trimmed : null);
    form.violations(validator.validate(login));
    if (!form.valid()) {
      return Response.status(UNPROCESSABLE).entity(Templates.form(form)).build();
    }
    PlatformUser user;
    try {
      user = auth.verify(login);
    } catch (ProblemException e) {
      return refused(form, e);
    }
    ConsoleSessions.Started started = sessions.start(user);
    return Response.ok()
        .cookie(SessionCookie.issue(started.cookieValue(), host(headers)))
        .header("HX-Redirect", user.passwordChangeRequired ? ConsoleGuard.PASSWORD : HOME)
        .build();
  }

  private static Response refused(Form form, ProblemException e) {
    String type = e.problem().type();
    if (type.endsWith("/mfa-required")) {
      form.error("code", "enter the code from your authenticator app or a recovery code");
    } else if (e.problem().status() == 429) {
      form.general(e.problem().detail());
    } else {
      form.general("The email, password or code is wrong.");
    }
    return Response.status(e.problem().status()).entity(Templates.form(form)).build();
  }

  @GET
  @Path("/password")
  @SelfService
  public TemplateInstance passwordPage() {
    return Templates.password(Form.empty());
  }

  @POST
  @Path("/password")
  @SelfService
  public Response changePassword(
      @RestForm String currentPassword, @RestForm String newPassword, HttpHeaders headers) {
    PasswordChange change = new PasswordChange(currentPassword, newPassword);
    Form form = Form.empty().violations(validator.validate(change));
    if (!form.valid()) {
      return Response.status(UNPROCESSABLE).entity(Templates.passwordForm(form)).build();
    }
    PlatformUser user;
    try {
      user = passwords.changeOnly(me.user().id, change);
    } catch (ProblemException e) {
      form.problem(e);
      return Response.status(e.problem().status()).entity(Templates.passwordForm(form)).build();
    }
    // The change ended every session of the user, this one too; the browser gets a new one.
    ConsoleSessions.Started started = sessions.start(user);
    return Response.ok()
        .cookie(SessionCookie.issue(started.cookieValue(), host(headers)))
        .header("HX-Redirect", HOME)
        .build();
  }

  @POST
  @Path("/sign-out")
  @SelfService
  public Response signOut(HttpHeaders headers) {
    sessions.end(SessionCookie.read(headers), me.user());
    return Response.ok()
        .cookie(SessionCookie.clear(host(headers)))
        .header("HX-Redirect", ConsoleGuard.SIGN_IN)
        .build();
  }

  private static String host(HttpHeaders headers) {
    return headers.getHeaderString(HttpHeaders.HOST);
  }
}
