package io.tenantry.controlplane.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.controlplane.audit.AuditResource;
import io.tenantry.controlplane.flags.FlagResource;
import io.tenantry.controlplane.flags.TenantFlagResource;
import io.tenantry.controlplane.invitations.InvitationAcceptResource;
import io.tenantry.controlplane.invitations.InvitationResource;
import io.tenantry.controlplane.licensing.LicenseResource;
import io.tenantry.controlplane.licensing.LicensesResource;
import io.tenantry.controlplane.licensing.UsageResource;
import io.tenantry.controlplane.plans.PlanResource;
import io.tenantry.controlplane.rollouts.RolloutResource;
import io.tenantry.controlplane.search.SearchResource;
import io.tenantry.controlplane.signin.AuthResource;
import io.tenantry.controlplane.signin.MfaResetResource;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.tenantlink.TenantEndpointResource;
import io.tenantry.controlplane.tenants.TenantResource;
import io.tenantry.controlplane.users.UserResource;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class PermissionMatrixTest {

  /** One protected endpoint; {@code permission} null means any signed-in user. */
  record Endpoint(String method, String template, String path, String body, String permission) {
    String name() {
      return method + " " + path;
    }
  }

  private static final String TENANT_BODY =
      "{\"slug\":\"t-%s\",\"displayName\":\"Matrix\",\"plan\":\"free\"}";
  private static final String LICENSE_BODY =
      "{\"type\":\"subscription\",\"seats\":5,\"expiresAt\":\"2027-01-31T00:00:00Z\"}";
  private static final String FLAG_BODY = "{\"enabled\":true}";
  private static final String USER_BODY =
      "{\"email\":\"u-%s@test.io\",\"password\":\"a long enough password\",\"role\":\"support\"}";

  private static final String INVITATION_BODY = "{\"email\":\"i-%s@test.io\",\"role\":\"support\"}";

  /** The table: every endpoint that needs a token, and what it needs. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants",
              "/api/v1/platform/tenants",
              null,
              Permissions.TENANTS_READ),
          new Endpoint(
              "POST",
              "/api/v1/platform/tenants",
              "/api/v1/platform/tenants",
              TENANT_BODY,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}",
              "/api/v1/platform/tenants/acme",
              null,
              Permissions.TENANTS_READ),
          new Endpoint(
              "PATCH",
              "/api/v1/platform/tenants/{slug}",
              "/api/v1/platform/tenants/acme",
              "{\"plan\":\"starter\"}",
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/tenants/{slug}/suspend",
              "/api/v1/platform/tenants/acme/suspend",
              null,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/tenants/{slug}/resume",
              "/api/v1/platform/tenants/acme/resume",
              null,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/tenants/{slug}",
              "/api/v1/platform/tenants/acme",
              null,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/users",
              "/api/v1/platform/users",
              null,
              Permissions.USERS_READ),
          new Endpoint(
              "POST",
              "/api/v1/platform/users",
              "/api/v1/platform/users",
              USER_BODY,
              Permissions.USERS_WRITE),
          new Endpoint(
              "PATCH",
              "/api/v1/platform/users/{id}",
              "/api/v1/platform/users/" + UUID.randomUUID(),
              "{\"enabled\":true}",
              Permissions.USERS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/users/invitations",
              "/api/v1/platform/users/invitations",
              null,
              Permissions.USERS_READ),
          new Endpoint(
              "POST",
              "/api/v1/platform/users/invitations",
              "/api/v1/platform/users/invitations",
              INVITATION_BODY,
              Permissions.USERS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/users/invitations/{id}",
              "/api/v1/platform/users/invitations/" + UUID.randomUUID(),
              null,
              Permissions.USERS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/users/{id}/mfa",
              "/api/v1/platform/users/" + UUID.randomUUID() + "/mfa",
              null,
              Permissions.USERS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/audit",
              "/api/v1/platform/audit",
              null,
              Permissions.AUDIT_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/audit/export",
              "/api/v1/platform/audit/export",
              null,
              Permissions.AUDIT_EXPORT),
          new Endpoint(
              "GET",
              "/api/v1/platform/audit/verify",
              "/api/v1/platform/audit/verify",
              null,
              Permissions.AUDIT_VERIFY),
          new Endpoint(
              "POST",
              "/api/v1/platform/search",
              "/api/v1/platform/search",
              "{\"query\":\"john-%s\"}",
              Permissions.SEARCH_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenant-endpoints/{slug}",
              "/api/v1/platform/tenant-endpoints/acme",
              null,
              Permissions.TENANTS_READ),
          new Endpoint(
              "PUT",
              "/api/v1/platform/tenant-endpoints/{slug}",
              "/api/v1/platform/tenant-endpoints/acme",
              "{\"internalUrl\":\"http://127.0.0.1:9/%s\"}",
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/tenant-endpoints/{slug}",
              "/api/v1/platform/tenant-endpoints/acme",
              null,
              Permissions.TENANTS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/plans",
              "/api/v1/platform/plans",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}/license",
              "/api/v1/platform/tenants/acme/license",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "PUT",
              "/api/v1/platform/tenants/{slug}/license",
              "/api/v1/platform/tenants/acme/license",
              LICENSE_BODY,
              Permissions.LICENSES_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}/license/history",
              "/api/v1/platform/tenants/acme/license/history",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/licenses",
              "/api/v1/platform/licenses",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/flags",
              "/api/v1/platform/flags",
              null,
              Permissions.FLAGS_READ),
          new Endpoint(
              "PUT",
              "/api/v1/platform/flags/{key}/global",
              "/api/v1/platform/flags/invoicing/global",
              FLAG_BODY,
              Permissions.FLAGS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/flags/{key}/global",
              "/api/v1/platform/flags/invoicing/global",
              null,
              Permissions.FLAGS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}/flags",
              "/api/v1/platform/tenants/acme/flags",
              null,
              Permissions.FLAGS_READ),
          new Endpoint(
              "PUT",
              "/api/v1/platform/tenants/{slug}/flags/{key}",
              "/api/v1/platform/tenants/acme/flags/invoicing",
              FLAG_BODY,
              Permissions.FLAGS_WRITE),
          new Endpoint(
              "DELETE",
              "/api/v1/platform/tenants/{slug}/flags/{key}",
              "/api/v1/platform/tenants/acme/flags/invoicing",
              null,
              Permissions.FLAGS_WRITE),
          new Endpoint(
              "GET",
              "/api/v1/platform/tenants/{slug}/usage",
              "/api/v1/platform/tenants/acme/usage",
              null,
              Permissions.LICENSES_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/rollouts",
              "/api/v1/platform/rollouts",
              null,
              Permissions.ROLLOUTS_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/rollouts/{name}",
              "/api/v1/platform/rollouts/matrix",
              null,
              Permissions.ROLLOUTS_READ),
          new Endpoint(
              "GET",
              "/api/v1/platform/releases",
              "/api/v1/platform/releases",
              null,
              Permissions.ROLLOUTS_READ),
          new Endpoint(
              "POST",
              "/api/v1/platform/rollouts/{name}/pause",
              "/api/v1/platform/rollouts/matrix/pause",
              null,
              Permissions.ROLLOUTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/rollouts/{name}/resume",
              "/api/v1/platform/rollouts/matrix/resume",
              null,
              Permissions.ROLLOUTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/rollouts/{name}/abort",
              "/api/v1/platform/rollouts/matrix/abort",
              null,
              Permissions.ROLLOUTS_WRITE),
          new Endpoint(
              "POST",
              "/api/v1/platform/rollouts/{name}/promote",
              "/api/v1/platform/rollouts/matrix/promote",
              null,
              Permissions.ROLLOUTS_WRITE),
          new Endpoint("GET", "/api/v1/auth/me", "/api/v1/auth/me", null, null),
          new Endpoint("POST", "/api/v1/auth/mfa/enrol", "/api/v1/auth/mfa/enrol", null, null),
          new Endpoint(
              "POST",
              "/api/v1/auth/mfa/confirm",
              "/api/v1/auth/mfa/confirm",
              "{\"code\":\"000000\"}",
              null),
          new Endpoint(
              "POST",
              "/api/v1/auth/password",
              "/api/v1/auth/password",
              "{\"currentPassword\":\"not the password\",\"newPassword\":\"a long enough password\"}",
              null));

  private static final List<Class<?>> RESOURCES =
      List.of(
          TenantResource.class,
          UserResource.class,
          InvitationResource.class,
          InvitationAcceptResource.class,
          MfaResetResource.class,
          AuditResource.class,
          AuthResource.class,
          SearchResource.class,
          TenantEndpointResource.class,
          PlanResource.class,
          LicenseResource.class,
          LicensesResource.class,
          FlagResource.class,
          TenantFlagResource.class,
          UsageResource.class,
          RolloutResource.class);

  @Inject TestPlatform platform;

  @BeforeEach
  void reset() {
    platform.reset();
  }

  private static RequestSpecification request(Endpoint endpoint, String token) {
    RequestSpecification spec = given().contentType(ContentType.JSON);
    if (token != null) {
      spec = spec.auth().oauth2(token);
    }
    if (endpoint.body() != null) {
      spec = spec.body(endpoint.body().formatted(UUID.randomUUID().toString().substring(0, 8)));
    }
    return spec;
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointAllowsExactlyTheRolesWithItsPermission() {
    return ENDPOINTS.stream()
        .flatMap(
            endpoint ->
                Arrays.stream(Role.values())
                    .map(
                        role -> {
                          boolean allowed =
                              endpoint.permission() == null || role.grants(endpoint.permission());
                          return DynamicTest.dynamicTest(
                              endpoint.name()
                                  + " as "
                                  + role.value()
                                  + " → "
                                  + (allowed ? "allowed" : "403"),
                              () -> {
                                String token = platform.tokenFor(role);
                                int status =
                                    request(endpoint, token)
                                        .request(endpoint.method(), endpoint.path())
                                        .then()
                                        .extract()
                                        .statusCode();
                                if (allowed) {
                                  assertThat(status).isNotIn(401, 403);
                                } else {
                                  assertThat(status).isEqualTo(403);
                                }
                              });
                        }));
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointRefusesARequestWithoutAToken() {
    return ENDPOINTS.stream()
        .map(
            endpoint ->
                DynamicTest.dynamicTest(
                    endpoint.name() + " without a token → 401",
                    () ->
                        request(endpoint, null)
                            .request(endpoint.method(), endpoint.path())
                            .then()
                            .statusCode(401)
                            .contentType("application/problem+json")));
  }

  @Test
  void theTableCoversEveryEndpointThatIsNotPublic() {
    Set<String> declared =
        RESOURCES.stream().flatMap(PermissionMatrixTest::endpointsOf).collect(Collectors.toSet());
    Set<String> inTable =
        ENDPOINTS.stream().map(e -> e.method() + " " + e.template()).collect(Collectors.toSet());
    assertThat(inTable).isEqualTo(declared);
  }

  @Test
  void everyEndpointDeclaresWhoMayCallIt() {
    for (Class<?> resource : RESOURCES) {
      for (Method method : resource.getDeclaredMethods()) {
        if (httpMethod(method) != null) {
          long declarations =
              Stream.of(RequiresPermission.class, PublicEndpoint.class, SelfService.class)
                  .filter(method::isAnnotationPresent)
                  .count();
          assertThat(declarations)
              .as(resource.getSimpleName() + "." + method.getName())
              .isEqualTo(1);
        }
      }
    }
  }

  @Test
  void anEndpointWithoutADeclarationIsRefusedEvenToAnOwner() {
    given()
        .auth()
        .oauth2(platform.tokenFor(Role.OWNER))
        .get("/api/v1/test/undeclared")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  private static Stream<String> endpointsOf(Class<?> resource) {
    String base = resource.getAnnotation(Path.class).value();
    return Arrays.stream(resource.getDeclaredMethods())
        .filter(m -> httpMethod(m) != null && !m.isAnnotationPresent(PublicEndpoint.class))
        .map(
            m ->
                httpMethod(m)
                    + " "
                    + base
                    + (m.isAnnotationPresent(Path.class)
                        ? m.getAnnotation(Path.class).value()
                        : ""));
  }

  private static String httpMethod(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (method.isAnnotationPresent(PATCH.class)) {
      return "PATCH";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
  }
}
