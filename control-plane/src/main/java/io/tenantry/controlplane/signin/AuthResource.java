package io.tenantry.controlplane.signin;

import io.tenantry.controlplane.access.PublicEndpoint;
import io.tenantry.controlplane.access.SelfService;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Sign-in and the signed-in user's own account. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  /**
   * The signed-in user and what they may do.
   *
   * @param passwordChangeRequired the password is one the user did not choose and should be changed
   * @param mfaEnrolmentRequired an owner reset the user's MFA; they should enrol again
   */
  public record Me(
      String id,
      String email,
      String role,
      List<String> permissions,
      boolean mfa,
      boolean passwordChangeRequired,
      boolean mfaEnrolmentRequired) {}

  private final AuthService auth;
  private final MfaService mfa;
  private final PasswordChanges passwords;
  private final RequestContext request;

  AuthResource(
      AuthService auth, MfaService mfa, PasswordChanges passwords, RequestContext request) {
    this.auth = auth;
    this.mfa = mfa;
    this.passwords = passwords;
    this.request = request;
  }

  @POST
  @Path("/login")
  @PublicEndpoint
  @Consumes(MediaType.APPLICATION_JSON)
  public TokenPair login(@Valid @NotNull LoginRequest login) {
    return auth.login(login);
  }

  @POST
  @Path("/refresh")
  @PublicEndpoint
  @Consumes(MediaType.APPLICATION_JSON)
  public TokenPair refresh(@Valid @NotNull RefreshRequest body) {
    return auth.refresh(body.refreshToken());
  }

  @POST
  @Path("/logout")
  @PublicEndpoint
  @Consumes(MediaType.APPLICATION_JSON)
  public void logout(@Valid @NotNull RefreshRequest body) {
    auth.logout(body.refreshToken());
  }

  @GET
  @Path("/me")
  @SelfService
  public Me me() {
    PlatformUser user = PlatformUser.findById(request.userId());
    return new Me(
        user.id.toString(),
        user.email,
        user.role,
        List.copyOf(user.roleEnum().permissions()),
        user.totpEnabled,
        user.passwordChangeRequired,
        user.mfaEnrolmentRequired);
  }

  @POST
  @Path("/password")
  @SelfService
  @Consumes(MediaType.APPLICATION_JSON)
  public TokenPair changePassword(@Valid @NotNull PasswordChange body) {
    return passwords.change(request.userId(), body);
  }

  @POST
  @Path("/mfa/enrol")
  @SelfService
  public MfaService.Enrolment enrol() {
    return mfa.enrol(request.userId());
  }

  @POST
  @Path("/mfa/confirm")
  @SelfService
  @Consumes(MediaType.APPLICATION_JSON)
  public MfaService.RecoveryCodes confirm(@Valid @NotNull MfaConfirmation body) {
    return mfa.confirm(request.userId(), body.code());
  }
}
