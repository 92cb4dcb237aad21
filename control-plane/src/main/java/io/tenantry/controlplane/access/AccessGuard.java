package io.tenantry.controlplane.access;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authorizes every API request, deny by default: an endpoint must say it is public, self-service or
 * which permission it needs. The caller's enabled flag and role are read from the database on every
 * request (by the {@link Authenticator}), so disabling a user or changing a role applies to the
 * very next request.
 */
public class AccessGuard {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final Authenticator authenticator;
  private final BrowserAuthenticator browser;
  private final RequestContext context;
  private final Event<AccessDenied> denials;

  AccessGuard(
      Authenticator authenticator,
      BrowserAuthenticator browser,
      RequestContext context,
      Event<AccessDenied> denials) {
    this.authenticator = authenticator;
    this.browser = browser;
    this.context = context;
    this.denials = denials;
  }

  @ServerRequestFilter
  public void authorize(ResourceInfo resource, HttpHeaders headers, UriInfo uri, Request request) {
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(PublicEndpoint.class)) {
      return;
    }
    Caller caller =
        resource.getResourceClass().isAnnotationPresent(BrowserSession.class)
            ? browser.authenticate()
            : authenticator.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    context.signedIn(caller.id(), caller.email());
    if (method.isAnnotationPresent(SelfService.class)) {
      return;
    }
    if (caller.passwordChangeRequired()) {
      // A one-time password (written to a file, maybe read by others) proves too little to act
      // with; the same rule and problem type as the tenant app's PasswordChangeGate.
      throw new ProblemException(
          Problem.of(
              403,
              "password-change-required",
              "Password change required",
              "this account still has a one-time password: choose your own with"
                  + " POST /api/v1/auth/password first"));
    }
    if (caller.mfaEnrolmentRequired()) {
      // The second factor was removed (a lost phone); the password alone must not be enough.
      throw new ProblemException(
          Problem.of(
              403,
              "mfa-enrolment-required",
              "MFA enrolment required",
              "an owner reset this account's MFA; enrol again with /api/v1/auth/mfa/enrol"));
    }
    RequiresPermission required = method.getAnnotation(RequiresPermission.class);
    if (required == null || !caller.role().grants(required.value())) {
      String needed = required == null ? "none (undeclared endpoint)" : required.value();
      if (!SAFE_METHODS.contains(request.getMethod())) {
        // A refused change is as telling as a permitted one.
        denials.fire(
            new AccessDenied(request.getMethod(), uri.getPath(), caller.role().value(), needed));
      }
      throw ProblemException.forbidden(
          required == null
              ? "this endpoint is not open to any role"
              : "role " + caller.role().value() + " lacks the permission " + required.value());
    }
  }
}
