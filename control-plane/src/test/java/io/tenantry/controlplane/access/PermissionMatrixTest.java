package io.tenantry.controlplane.access;

import static io.restassured.RestAssured.given;
import static io.tenantry.controlplane.access.ProtectedEndpoints.ENDPOINTS;
import static io.tenantry.controlplane.access.ProtectedEndpoints.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.controlplane.support.TestPlatform;
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

  @Inject TestPlatform platform;

  @BeforeEach
  void reset() {
    platform.reset();
  }

  private static RequestSpecification request(ProtectedEndpoints.Endpoint endpoint, String token) {
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
