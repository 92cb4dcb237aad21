package io.tenantry.tenantapp.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every POST route of the web app, found by reflection over its resource classes (so a route added
 * later is swept too), refuses a signed-in session's request without the CSRF token and with a
 * wrong one. The session's staff member may do everything and the plan has every feature, so the
 * token is the one reason left to refuse.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class CsrfSweepTest {

  /**
   * Writes made without a session, which therefore have no session token to present: signing in
   * (the cross-site check and SameSite=Strict guard it) and setting a password from an invitation
   * (its one-time token is the proof).
   */
  private static final Set<String> SESSIONLESS = Set.of("/app/sign-in", "/app/invitation");

  private static final String REFUSAL = "The form expired or did not come from this site";

  @Inject WebStaff staff;

  private WebSession session;

  @BeforeEach
  void signIn() {
    session = WebSession.signIn(staff.emailFor(Role.tenant_admin));
  }

  @Test
  void everyPostRouteRefusesARequestWithoutTheToken() throws Exception {
    List<String> routes = postRoutes();
    assertThat(routes)
        .contains(
            "/app/sign-out",
            "/app/password",
            "/app/staff",
            "/app/subscribers/new",
            "/app/devices/new",
            "/app/tickets/new",
            "/app/invoices/new",
            "/app/subscribers/{id}/status");

    for (String route : routes) {
      given()
          .redirects()
          .follow(false)
          .cookie(StaffWebFilter.COOKIE, session.cookie())
          .formParam("status", "active")
          .post(route.replace("{id}", UUID.randomUUID().toString()))
          .then()
          .statusCode(403)
          .contentType(containsString("text/html"))
          .body(containsString(REFUSAL));
    }
  }

  @Test
  void everyPostRouteRefusesARequestWithAWrongToken() throws Exception {
    for (String route : postRoutes()) {
      given()
          .redirects()
          .follow(false)
          .cookie(StaffWebFilter.COOKIE, session.cookie())
          .formParam("_csrf", session.csrf().substring(1) + "x")
          .formParam("status", "active")
          .post(route.replace("{id}", UUID.randomUUID().toString()))
          .then()
          .statusCode(403)
          .body(containsString(REFUSAL));
    }
  }

  @Test
  void everyPostRouteRefusesAnHtmxRequestWithAWrongTokenHeader() throws Exception {
    for (String route : postRoutes()) {
      given()
          .redirects()
          .follow(false)
          .cookie(StaffWebFilter.COOKIE, session.cookie())
          .header("HX-Request", "true")
          .header("X-CSRF-Token", "not-" + session.csrf())
          .formParam("status", "active")
          .post(route.replace("{id}", UUID.randomUUID().toString()))
          .then()
          .statusCode(403)
          .body(containsString(REFUSAL));
    }
  }

  @Test
  void theRightTokenPassesTheSameCheck() {
    // the control: with the token, the same kind of request gets past the check to the service
    given()
        .redirects()
        .follow(false)
        .cookie(StaffWebFilter.COOKIE, session.cookie())
        .formParam("_csrf", session.csrf())
        .formParam("status", "active")
        .post("/app/subscribers/" + UUID.randomUUID() + "/status")
        .then()
        .statusCode(404);
  }

  /** Each POST method of each /app resource class, as a path with its {@code {id}} left in. */
  private static List<String> postRoutes() throws IOException, URISyntaxException {
    List<String> routes = new ArrayList<>();
    for (Class<?> type : resourceClasses()) {
      String base = type.getAnnotation(Path.class).value();
      for (Method method : type.getDeclaredMethods()) {
        if (!method.isAnnotationPresent(POST.class)) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String route = sub == null ? base : base + "/" + sub.value();
        if (!SESSIONLESS.contains(route)) {
          routes.add(route);
        }
      }
    }
    return routes;
  }

  private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
    java.nio.file.Path dir =
        Paths.get(SubscriberPages.class.getResource("SubscriberPages.class").toURI()).getParent();
    List<Class<?>> types = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      for (java.nio.file.Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type =
            load(SubscriberPages.class.getPackageName() + "." + name.replace(".class", ""));
        if (type.isAnnotationPresent(Path.class)
            && type.getAnnotation(Path.class).value().startsWith("/app")) {
          types.add(type);
        }
      }
    }
    return types;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, SubscriberPages.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
