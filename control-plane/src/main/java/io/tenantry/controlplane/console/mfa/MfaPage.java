package io.tenantry.controlplane.console.mfa;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.SelfService;
import io.tenantry.controlplane.console.session.ConsoleUser;
import io.tenantry.controlplane.console.shell.Form;
import io.tenantry.controlplane.signin.MfaConfirmation;
import io.tenantry.controlplane.signin.MfaService;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The signed-in user's own two-factor sign-in: enrol an authenticator app from a QR code (or the
 * secret typed in), confirm it with a first code, and read the recovery codes once. The API's
 * {@link MfaService} does the work; a user whose MFA an owner reset is kept on this page until
 * done.
 */
@Path("/console/mfa")
@BrowserSession
@Produces(MediaType.TEXT_HTML)
public class MfaPage {

  private static final int UNPROCESSABLE = 422;

  /** The secret and its QR code; the secret is shown in groups of four, as apps print it. */
  public record Enrolment(String secret, String groupedSecret, QrCode qr) {
    static Enrolment of(MfaService.Enrolment enrolment) {
      String grouped = enrolment.secret().replaceAll("(.{4})(?!$)", "$1 ");
      return new Enrolment(enrolment.secret(), grouped, QrCode.of(enrolment.otpauthUri()));
    }
  }

  @CheckedTemplate(basePath = "console/MfaPage")
  static class Templates {
    static native TemplateInstance page(PlatformUser user, Enrolment enrolment, Form form);

    static native TemplateInstance confirmForm(Form form);

    static native TemplateInstance recoveryCodes(List<String> codes);
  }

  private final MfaService mfa;
  private final ConsoleUser me;
  private final Validator validator;

  MfaPage(MfaService mfa, ConsoleUser me, Validator validator) {
    this.mfa = mfa;
    this.me = me;
    this.validator = validator;
  }

  /** A new secret on every visit until one is confirmed; an enrolled user sees that they are. */
  @GET
  @SelfService
  public TemplateInstance page() {
    PlatformUser user = me.user();
    Enrolment enrolment = user.totpEnabled ? null : Enrolment.of(mfa.enrol(user.id));
    return Templates.page(user, enrolment, Form.empty());
  }

  @POST
  @SelfService
  public Response confirm(@RestForm String code) {
    String trimmed = code == null ? null : code.strip();
    Form form = Form.empty().violations(validator.validate(new MfaConfirmation(trimmed)));
    if (!form.valid()) {
      return Response.status(UNPROCESSABLE).entity(Templates.confirmForm(form)).build();
    }
    MfaService.RecoveryCodes codes;
    try {
      codes = mfa.confirm(me.user().id, trimmed);
    } catch (ProblemException e) {
      form.problem(e);
      return Response.status(e.problem().status()).entity(Templates.confirmForm(form)).build();
    }
    // The codes replace the whole enrolment, QR code included: the secret is not shown again.
    return Response.ok(Templates.recoveryCodes(codes.recoveryCodes()))
        .header("HX-Retarget", "#enrolment")
        .header("HX-Reswap", "outerHTML")
        .build();
  }
}
