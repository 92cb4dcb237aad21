package io.tenantry.tenantapp.web;

import io.tenantry.tenantapp.entitlements.EntitlementsStore;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards every /app page: resolves the session cookie, sends anyone without a session to the
 * sign-in page (and anyone whose password is a one-time one to the password page), refuses
 * cross-site writes (Sec-Fetch-Site / Origin) and, while the license makes the tenant read-only,
 * every write but signing in and out. The /api bearer-token paths are never touched: the cookie
 * authenticates /app only.
 */
public class StaffWebFilter {

  static final String COOKIE = "tenantry_staff";
  static final String SIGN_IN = "/app/sign-in";
  static final String PASSWORD = "/app/password";

  /** All a staff member with a one-time password may do until they choose their own. */
  private static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of(PASSWORD, "/app/sign-out");

  /** Pages reachable without a session. */
  private static final Set<String> PUBLIC = Set.of(SIGN_IN, "/app/invitation");

  /** Writes that stay possible on a read-only tenant: they change no tenant data. */
  private static final Set<String> ALWAYS_WRITABLE =
      Set.of(SIGN_IN, "/app/sign-out", "/app/invitation", "/app/password");

  private static final Set<String> READS = Set.of("GET", "HEAD");

  private final WebSessions sessions;
  private final CurrentStaff current;
  private final EntitlementsStore entitlements;
  private final Clock clock;
  private final WebErrors errors;

  StaffWebFilter(
      WebSessions sessions,
      CurrentStaff current,
      EntitlementsStore entitlements,
      Clock clock,
      WebErrors errors) {
    this.errors = errors;
    this.sessions = sessions;
    this.current = current;
    this.entitlements = entitlements;
    this.clock = clock;
  }

  @ServerRequestFilter
  public Optional<Response> guard(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getPath();
    if (!isApp(path)) {
      return Optional.empty();
    }
    boolean write = !READS.contains(request.getMethod());
    if (write && crossSite(request)) {
      return Optional.of(errors.page(403, "Cross-site request refused."));
    }
    Cookie cookie = request.getCookies().get(COOKIE);
    Optional<SignedIn> user =
        cookie == null ? Optional.empty() : sessions.resolve(cookie.getValue());
    current.set(user.orElse(null), request.getHeaderString("X-CSRF-Token"));
    if (user.isEmpty() && !PUBLIC.contains(path)) {
      return Optional.of(redirect(request, 401, SIGN_IN));
    }
    if (user.isPresent()
        && user.get().passwordChangeRequired()
        && !BEFORE_PASSWORD_CHANGE.contains(path)) {
      return Optional.of(redirect(request, 403, PASSWORD));
    }
    if (write
        && !ALWAYS_WRITABLE.contains(path)
        && entitlements.current().readOnlyAt(clock.instant()).isPresent()) {
      return Optional.of(
          errors.page(403, "The tenant is read-only: its license no longer allows changes."));
    }
    return Optional.empty();
  }

  /** htmx follows HX-Redirect (with {@code htmxStatus}); a plain navigation follows 303. */
  private static Response redirect(ContainerRequestContext request, int htmxStatus, String to) {
    if (request.getHeaderString("HX-Request") != null) {
      return Response.status(htmxStatus).header("HX-Redirect", to).build();
    }
    return Response.seeOther(URI.create(to)).build();
  }

  /** Whether {@code path} belongs to the web app (and not to the API beside it). */
  static boolean isApp(String path) {
    return path.equals("/app") || path.startsWith("/app/");
  }

  /**
   * Browsers say where a request comes from: Sec-Fetch-Site (all current browsers) and Origin on
   * every POST. Either naming another site refuses it, on top of the CSRF token.
   */
  private static boolean crossSite(ContainerRequestContext request) {
    String site = request.getHeaderString("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return true;
    }
    String origin = request.getHeaderString("Origin");
    if (origin == null || origin.equals("null")) {
      return origin != null;
    }
    String host = request.getHeaderString("Host");
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host == null || !host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
