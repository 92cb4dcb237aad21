package io.tenantry.controlplane.console.session;

import io.tenantry.common.problem.Problem;
import io.tenantry.controlplane.access.BrowserSession;
import io.tenantry.controlplane.access.PublicEndpoint;
import io.tenantry.controlplane.access.SelfService;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Runs before {@code AccessGuard} on console pages: finds the browser session, refuses cross-site
 * and CSRF-less changes, sends a signed-out browser to the sign-in page, a user who must change
 * their password to that form and one whose MFA an owner reset to enrolment. Permissions are then
 * checked by {@code AccessGuard}, as for the API.
 */
public class ConsoleGuard {

  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String SIGN_IN = "/console/sign-in";
  public static final String PASSWORD = "/console/password";
  public static final String MFA = "/console/mfa";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ConsoleSessions sessions;
  private final ConsoleUser me;

  ConsoleGuard(ConsoleSessions sessions, ConsoleUser me) {
    this.sessions = sessions;
    this.me = me;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Response guard(ResourceInfo resource, HttpHeaders headers, Request request) {
    Class<?> type = resource.getResourceClass();
    Method method = resource.getResourceMethod();
    if (type == null || method == null || !type.isAnnotationPresent(BrowserSession.class)) {
      return null;
    }
    boolean unsafe = !SAFE_METHODS.contains(request.getMethod());
    if (unsafe && !sameOrigin(headers)) {
      return refuse("cross-site request refused");
    }
    if (method.isAnnotationPresent(PublicEndpoint.class)) {
      return null;
    }
    Optional<ConsoleSessions.Active> active = sessions.find(SessionCookie.read(headers));
    if (active.isEmpty()) {
      return redirect(SIGN_IN, headers, unsafe);
    }
    if (unsafe && !matches(headers.getHeaderString(CSRF_HEADER), active.get().csrfToken())) {
      return refuse("the request lacks this session's CSRF token");
    }
    me.signedIn(active.get().user(), active.get().csrfToken());
    if (active.get().user().passwordChangeRequired
        && !method.isAnnotationPresent(SelfService.class)) {
      return redirect(PASSWORD, headers, unsafe);
    }
    if (active.get().user().mfaEnrolmentRequired
        && !method.isAnnotationPresent(SelfService.class)) {
      return redirect(MFA, headers, unsafe);
    }
    return null;
  }

  /**
   * A change must come from a page of this origin: Sec-Fetch-Site and Origin, when the browser
   * sends them (every current browser does on POST), must say so.
   */
  private static boolean sameOrigin(HttpHeaders headers) {
    String site = headers.getHeaderString("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      return false;
    }
    String origin = headers.getHeaderString("Origin");
    if (origin == null) {
      return site != null;
    }
    try {
      String host = headers.getHeaderString(HttpHeaders.HOST);
      return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean matches(String presented, String expected) {
    return presented != null
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static Response refuse(String detail) {
    return Problem.of(403, "forbidden", "Forbidden", detail).toResponse();
  }

  /** htmx follows HX-Redirect; a plain navigation follows 303. */
  private static Response redirect(String path, HttpHeaders headers, boolean unsafe) {
    if ("true".equals(headers.getHeaderString("HX-Request")) || unsafe) {
      return Response.status(Response.Status.UNAUTHORIZED).header("HX-Redirect", path).build();
    }
    return Response.seeOther(URI.create(path)).build();
  }
}
