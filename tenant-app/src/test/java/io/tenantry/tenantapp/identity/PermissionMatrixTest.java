package io.tenantry.tenantapp.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every role, from two tables written out here (not read from {@link Role}): a
 * role is refused (403) exactly where the expected grants say so, and every endpoint refuses a
 * request without a token (401). An allowed call may still fail later (400 for the empty body, 404
 * for the made-up id): that proves it got past the permission check.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class PermissionMatrixTest {

  private static final String ID = "5b0c3c1e-0000-4000-8000-000000000000";

  /** method, path, permission needed. */
  private static final List<String[]> ENDPOINTS =
      Stream.of(
              "GET /api/v1/subscribers subscribers:read",
              "GET /api/v1/subscribers/{id} subscribers:read",
              "POST /api/v1/subscribers subscribers:write",
              "PUT /api/v1/subscribers/{id} subscribers:write",
              "POST /api/v1/subscribers/{id}/status subscribers:write",
              "GET /api/v1/devices devices:read",
              "GET /api/v1/devices/{id} devices:read",
              "POST /api/v1/devices devices:write",
              "PUT /api/v1/devices/{id} devices:write",
              "POST /api/v1/devices/{id}/status devices:write",
              "GET /api/v1/invoices billing:read",
              "GET /api/v1/invoices/{id} billing:read",
              "POST /api/v1/invoices billing:write",
              "PUT /api/v1/invoices/{id} billing:write",
              "POST /api/v1/invoices/{id}/status billing:write",
              "GET /api/v1/radius/sessions radius:read",
              "GET /api/v1/radius/sessions/active radius:read",
              "GET /api/v1/radius/sessions/{id} radius:read",
              "POST /api/v1/radius/sessions radius:write",
              "PUT /api/v1/radius/sessions/{id}/usage radius:write",
              "POST /api/v1/radius/sessions/{id}/disconnect radius:write",
              "GET /api/v1/tickets tickets:read",
              "GET /api/v1/tickets/{id} tickets:read",
              "POST /api/v1/tickets tickets:write",
              "PUT /api/v1/tickets/{id} tickets:write",
              "POST /api/v1/tickets/{id}/status tickets:write",
              "POST /api/v1/tickets/{id}/messages tickets:write",
              "GET /api/v1/staff staff:read",
              "GET /api/v1/staff/{id} staff:read",
              "POST /api/v1/staff staff:write",
              "PUT /api/v1/staff/{id}/role staff:write",
              "POST /api/v1/staff/{id}/disable staff:write",
              "POST /api/v1/staff/{id}/enable staff:write",
              "POST /api/v1/staff/{id}/reset-password staff:write",
              "GET /api/v1/search?q=zz search:read",
              "POST /api/v1/demo-data?subscribers=0 demo:write")
          .map(line -> line.split(" "))
          .toList();

  /** What each role is expected to be granted. */
  private static final Map<Role, Set<String>> GRANTS =
      Map.of(
          Role.tenant_admin,
          Set.of(
              "subscribers:read",
              "subscribers:write",
              "devices:read",
              "devices:write",
              "billing:read",
              "billing:write",
              "radius:read",
              "radius:write",
              "tickets:read",
              "tickets:write",
              "staff:read",
              "staff:write",
              "search:read",
              "demo:write"),
          Role.operator,
          Set.of(
              "subscribers:read",
              "subscribers:write",
              "devices:read",
              "devices:write",
              "radius:read",
              "radius:write",
              "tickets:read",
              "billing:read",
              "search:read"),
          Role.support,
          Set.of(
              "subscribers:read",
              "devices:read",
              "radius:read",
              "tickets:read",
              "tickets:write",
              "search:read"),
          Role.billing,
          Set.of("subscribers:read", "billing:read", "billing:write", "search:read"),
          Role.read_only,
          Set.of(
              "subscribers:read",
              "devices:read",
              "billing:read",
              "radius:read",
              "tickets:read",
              "search:read"));

  @Inject TestTenant tenant;

  static Stream<Arguments> roleAndEndpoint() {
    return Arrays.stream(Role.values())
        .flatMap(role -> ENDPOINTS.stream().map(e -> Arguments.of(role, e[0], e[1], e[2])));
  }

  static Stream<Arguments> endpoint() {
    return ENDPOINTS.stream().map(e -> Arguments.of(e[0], e[1]));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("roleAndEndpoint")
  void roleIsRefusedExactlyWhereItLacksThePermission(
      Role role, String method, String path, String permission) {
    int status =
        given()
            .auth()
            .oauth2(tenant.tokenFor(role))
            .contentType(ContentType.JSON)
            .body("{}")
            .request(method, path.replace("{id}", ID))
            .statusCode();
    if (GRANTS.get(role).contains(permission)) {
      assertThat(status).as("%s may %s", role, permission).isNotIn(401, 403, 500);
    } else {
      assertThat(status).as("%s may not %s", role, permission).isEqualTo(403);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoint")
  void requestWithoutATokenIsUnauthorized(String method, String path) {
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .request(method, path.replace("{id}", ID))
        .then()
        .statusCode(401);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoint")
  void platformServiceTokenNeverOpensTheStaffApi(String method, String path) {
    given()
        .auth()
        .oauth2(tenant.platformToken("tenant:search tenant:usage"))
        .contentType(ContentType.JSON)
        .body("{}")
        .request(method, path.replace("{id}", ID))
        .then()
        .statusCode(401);
  }
}
