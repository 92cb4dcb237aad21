package io.tenantry.tenantapp.identity;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tenantry.common.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses every API call of a staff member whose password is one they did not choose ({@link
 * StaffUser#passwordChangeRequired}), except the endpoints marked {@link Open}: the password change
 * itself. The bearer token stays valid; once the password is changed the same token works again,
 * since the flag is read from the database on every request.
 */
public class PasswordChangeGate {

  /** The identity attribute {@link BearerIdentityProvider} sets from the staff user's row. */
  static final String ATTRIBUTE = "tenantry.password-change-required";

  /** An endpoint open to a staff member who still has to change their password. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Open {}

  private final CurrentIdentityAssociation identities;

  PasswordChangeGate(CurrentIdentityAssociation identities) {
    this.identities = identities;
  }

  @ServerRequestFilter
  public Uni<Response> gate(ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method == null
        || method.isAnnotationPresent(Open.class)
        || method.isAnnotationPresent(PermitAll.class)
        || resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
      // open endpoints (sign-in, the web app's pages) authenticate no token: a stale one sent to
      // them must not be checked, let alone refuse them
      return Uni.createFrom().nullItem();
    }
    // lazy authentication: the deferred identity, resolved without blocking the event loop
    return identities
        .getDeferredIdentity()
        .map(identity -> Boolean.TRUE.equals(identity.getAttribute(ATTRIBUTE)) ? refusal() : null);
  }

  private static Response refusal() {
    return Problem.of(
            403,
            "password-change-required",
            "Password change required",
            "this account still has a one-time password: choose your own with"
                + " POST /api/v1/staff/me/password first")
        .toResponse();
  }
}
