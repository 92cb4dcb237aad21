package io.tenantry.tenantapp.devices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class DeviceApiTest {

  @Inject TestTenant tenant;

  @BeforeEach
  void clean() {
    tenant.cleanDomain();
  }

  private RequestSpecification operator() {
    return given().auth().oauth2(tenant.tokenFor(Role.operator)).contentType(ContentType.JSON);
  }

  private String create(String serial, String mac, String type) {
    return operator()
        .body(Map.of("serialNumber", serial, "macAddress", mac, "deviceType", type))
        .post("/api/v1/devices")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void createdDeviceIsInStockWithItsMacInColonNotation() {
    String id = create("ZTEG-0001", "AA-BB-CC-DD-EE-01", "ONU");
    operator()
        .get("/api/v1/devices/" + id)
        .then()
        .statusCode(200)
        .body("macAddress", equalTo("aa:bb:cc:dd:ee:01"))
        .body("status", equalTo("in_stock"))
        .body("deviceType", equalTo("ONU"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"aa:bb:cc:dd:ee:02", "AA-BB-CC-DD-EE-02", "aabb.ccdd.ee02", "aabbccddee02"})
  void macFilterAcceptsEveryCommonNotation(String notation) {
    String id = create("ZTEG-0002", "aabb.ccdd.ee02", "CPE");
    create("ZTEG-0003", "aabb.ccdd.ee03", "CPE");
    operator()
        .queryParam("mac", notation)
        .get("/api/v1/devices")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(id));
  }

  @Test
  void sameMacInAnotherNotationIsADuplicate() {
    create("ZTEG-0004", "aa:bb:cc:dd:ee:04", "ROUTER");
    operator()
        .body(
            Map.of(
                "serialNumber", "ZTEG-0005", "macAddress", "AABBCCDDEE04", "deviceType", "ROUTER"))
        .post("/api/v1/devices")
        .then()
        .statusCode(409)
        .body("field", equalTo("macAddress"));
  }

  @Test
  void malformedMacAndTypeAreNamed() {
    operator()
        .body(
            Map.of(
                "serialNumber",
                "ZTEG-0006",
                "macAddress",
                "zz:bb:cc:dd:ee:ff",
                "deviceType",
                "ONU"))
        .post("/api/v1/devices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("macAddress"));
    operator()
        .body(
            Map.of(
                "serialNumber",
                "ZTEG-0006",
                "macAddress",
                "aa:bb:cc:dd:ee:06",
                "deviceType",
                "MODEM"))
        .post("/api/v1/devices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("deviceType"));
  }

  @Test
  void updateAssignsTheDeviceToASubscriber() {
    String subscriber =
        operator()
            .body(TestTenant.subscriber("ACC-D1", "Lucy Clark"))
            .post("/api/v1/subscribers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String id = create("ZTEG-0007", "aa:bb:cc:dd:ee:07", "ONU");
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "serialNumber",
                "ZTEG-0007",
                "macAddress",
                "aa:bb:cc:dd:ee:07",
                "deviceType",
                "ONU"));
    body.put("subscriberId", subscriber);
    operator()
        .body(body)
        .put("/api/v1/devices/" + id)
        .then()
        .statusCode(200)
        .body("subscriberId", equalTo(subscriber));
    operator()
        .queryParam("subscriberId", subscriber)
        .get("/api/v1/devices")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void transitionsFollowTheLifecycle() {
    String id = create("ZTEG-0008", "aa:bb:cc:dd:ee:08", "ONU");
    operator()
        .body(Map.of("status", "faulty"))
        .post("/api/v1/devices/" + id + "/status")
        .then()
        .statusCode(409)
        .body("allowed", equalTo(List.of("active", "retired")));
    operator()
        .body(Map.of("status", "active"))
        .post("/api/v1/devices/" + id + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
    operator()
        .queryParam("status", "active")
        .get("/api/v1/devices")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void pagesCoverEveryDeviceOnce() {
    for (int i = 10; i < 15; i++) {
      create("ZTEG-00" + i, "aa:bb:cc:dd:ee:" + i, "CPE");
    }
    List<String> serials = new ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request =
          operator().queryParam("sort", "-serialNumber").queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      ValidatableResponse page = request.get("/api/v1/devices").then().statusCode(200);
      serials.addAll(page.extract().path("items.serialNumber"));
      cursor = page.extract().path("nextCursor");
    } while (cursor != null);
    assertThat(serials)
        .containsExactly("ZTEG-0014", "ZTEG-0013", "ZTEG-0012", "ZTEG-0011", "ZTEG-0010");
  }
}
