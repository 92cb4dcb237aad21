package io.tenantry.tenantapp.identity;

import io.tenantry.tenantapp.identity.IdentityDtos.AcceptInviteRequest;
import io.tenantry.tenantapp.identity.IdentityDtos.LoginRequest;
import io.tenantry.tenantapp.identity.IdentityDtos.RefreshRequest;
import io.tenantry.tenantapp.identity.IdentityDtos.StaffView;
import io.tenantry.tenantapp.identity.IdentityDtos.TokenResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The only endpoints open without a token: they are how a token is obtained. */
@Path("/api/v1/auth")
@PermitAll
public class AuthResource {

  private final AuthService auth;
  private final StaffService staff;

  AuthResource(AuthService auth, StaffService staff) {
    this.auth = auth;
    this.staff = staff;
  }

  @POST
  @Path("login")
  public TokenResponse login(@Valid @NotNull LoginRequest body, HttpServerRequest request) {
    return auth.login(body.email(), body.password(), request.remoteAddress().hostAddress());
  }

  @POST
  @Path("refresh")
  public TokenResponse refresh(@Valid @NotNull RefreshRequest body) {
    return auth.refresh(body.refreshToken());
  }

  @POST
  @Path("accept-invite")
  public StaffView acceptInvite(@Valid @NotNull AcceptInviteRequest body) {
    return staff.acceptInvite(body.inviteToken(), body.password());
  }
}
