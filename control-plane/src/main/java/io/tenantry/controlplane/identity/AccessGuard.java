package io.tenantry.controlplane.identity;

import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.problem.ProblemException;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authorizes every API request, deny by default: an endpoint must say it is public, self-service or
 * which permission it needs. The user's enabled flag and role are read from the database on every
 * request, so disabling a user or changing a role applies to the very next request.
 */
public class AccessGuard {

  private static final String BEARER = "Bearer ";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final TokenService tokens;
  private final RequestContext context;
  private final AuditLog audit;

  AccessGuard(TokenService tokens, RequestContext context, AuditLog audit) {
    this.tokens = tokens;
    this.context = context;
    this.audit = audit;
  }

  @ServerRequestFilter
  public void authorize(ResourceInfo resource, HttpHeaders headers, UriInfo uri, Request request) {
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(PublicEndpoint.class)) {
      return;
    }
    PlatformUser user = authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    context.signedIn(user.id, user.email);
    if (method.isAnnotationPresent(SelfService.class)) {
      return;
    }
    RequiresPermission required = method.getAnnotation(RequiresPermission.class);
    if (required == null || !user.roleEnum().grants(required.value())) {
      String needed = required == null ? "none (undeclared endpoint)" : required.value();
      if (!SAFE_METHODS.contains(request.getMethod())) {
        // A refused change is as telling as a permitted one.
        audit.recordIndependently(
            AuditEvent.failure(
                "access.denied",
                request.getMethod() + " " + uri.getPath(),
                Map.of("role", user.role, "permission", needed)));
      }
      throw ProblemException.forbidden(
          required == null
              ? "this endpoint is not open to any role"
              : "role " + user.role + " lacks the permission " + required.value());
    }
  }

  private PlatformUser authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith(BEARER)) {
      throw ProblemException.unauthorized(
          "authentication-required", "a bearer access token is required");
    }
    JsonWebToken jwt =
        tokens
            .verify(authorization.substring(BEARER.length()).strip())
            .orElseThrow(
                () ->
                    ProblemException.unauthorized(
                        "invalid-token", "the access token is invalid or expired"));
    PlatformUser user = PlatformUser.findById(parseId(jwt.getSubject()));
    if (user == null || !user.enabled) {
      throw ProblemException.unauthorized("account-disabled", "the account is disabled");
    }
    return user;
  }

  private static UUID parseId(String subject) {
    try {
      return UUID.fromString(subject);
    } catch (IllegalArgumentException e) {
      throw ProblemException.unauthorized(
          "invalid-token", "the access token is invalid or expired");
    }
  }
}
