package io.tenantry.tenantapp.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a bearer token into an identity whose permissions come from {@link Role} (staff) or from
 * the token's scopes (platform). The path decides which kind of token is acceptable: {@code
 * /internal/…} takes only platform service tokens, everything else only staff tokens.
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  /** Platform scope → the permission it grants on the internal API. */
  public static final java.util.Map<String, String> PLATFORM_SCOPES =
      java.util.Map.of("tenant:search", "internal:search", "tenant:usage", "internal:usage");

  private final TokenVerifier verifier;
  private final StaffUsers staffUsers;

  BearerIdentityProvider(TokenVerifier verifier, StaffUsers staffUsers) {
    this.verifier = verifier;
    this.staffUsers = staffUsers;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
    boolean internal = routing != null && routing.normalizedPath().startsWith("/internal/");
    String token = request.getToken().getToken();
    return context.runBlocking(() -> internal ? platform(token) : staff(token));
  }

  private SecurityIdentity staff(String token) {
    JsonWebToken jwt = verified(() -> verifier.verifyStaff(token));
    Role role = roleOf(jwt);
    UUID id = UUID.fromString(jwt.getSubject());
    // a disabled user's access token stops working at once, not when it expires
    StaffUser user =
        staffUsers
            .byId(id)
            .filter(u -> u.status == StaffStatus.active && u.role == role)
            .orElseThrow(() -> new AuthenticationFailedException("staff user is not active"));
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(jwt)
        .addAttribute(PasswordChangeGate.ATTRIBUTE, user.passwordChangeRequired)
        .addRole(role.name())
        .addPermissionsAsString(role.permissions())
        .build();
  }

  private SecurityIdentity platform(String token) {
    JsonWebToken jwt = verified(() -> verifier.verifyPlatform(token));
    // the platform parser reads the space-separated scope claim as the groups (TokenVerifier)
    Set<String> permissions = new HashSet<>();
    for (String scope : jwt.getGroups()) {
      String permission = PLATFORM_SCOPES.get(scope);
      if (permission != null) {
        permissions.add(permission);
      }
    }
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(jwt)
        .addPermissionsAsString(permissions)
        .build();
  }

  private static Role roleOf(JsonWebToken jwt) {
    Set<String> groups = jwt.getGroups();
    if (groups.size() != 1) {
      throw new AuthenticationFailedException("staff token must carry exactly one role");
    }
    try {
      return Role.valueOf(groups.iterator().next());
    } catch (IllegalArgumentException e) {
      throw new AuthenticationFailedException("unknown role", e);
    }
  }

  private static JsonWebToken verified(Verification verification) {
    try {
      return verification.verify();
    } catch (ParseException e) {
      throw new AuthenticationFailedException(e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Verification {
    JsonWebToken verify() throws ParseException;
  }
}
