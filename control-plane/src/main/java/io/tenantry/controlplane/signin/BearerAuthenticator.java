package io.tenantry.controlplane.signin;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.Authenticator;
import io.tenantry.controlplane.access.Caller;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A bearer access token, verified, and the account it names, read fresh from the database. */
@ApplicationScoped
public class BearerAuthenticator implements Authenticator {

  private static final String BEARER = "Bearer ";

  private final TokenService tokens;

  BearerAuthenticator(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public Caller authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith(BEARER)) {
      throw ProblemException.unauthorized(
          "authentication-required", "a bearer access token is required");
    }
    JsonWebToken jwt =
        tokens
            .verify(authorization.substring(BEARER.length()).strip())
            .orElseThrow(BearerAuthenticator::invalidToken);
    PlatformUser user = PlatformUser.findById(parseId(jwt.getSubject()));
    if (user == null || !user.enabled) {
      throw ProblemException.unauthorized("account-disabled", "the account is disabled");
    }
    return user.asCaller();
  }

  private static UUID parseId(String subject) {
    try {
      return UUID.fromString(subject);
    } catch (IllegalArgumentException e) {
      throw invalidToken();
    }
  }

  private static ProblemException invalidToken() {
    return ProblemException.unauthorized("invalid-token", "the access token is invalid or expired");
  }
}
