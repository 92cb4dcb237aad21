package io.tenantry.controlplane.licensing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tenantry.controlplane.licensing.LicensingFixture.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class SeatUsageTest {

  private static WireMockServer tenantApp;

  @Inject TestPlatform platform;
  @Inject LicensingFixture fixture;

  private String token;

  @BeforeAll
  static void startTenantApp() {
    tenantApp = new WireMockServer(wireMockConfig().dynamicPort());
    tenantApp.start();
  }

  @AfterAll
  static void stopTenantApp() {
    tenantApp.stop();
  }

  @BeforeEach
  void reset() {
    fixture.reset();
    tenantApp.resetAll();
    token = platform.tokenFor(Role.ADMIN);
    fixture.createTenant(token, "acme", "starter");
  }

  private void reachAt(String url) {
    api(token)
        .body("{\"internalUrl\":\"" + url + "\"}")
        .put("/api/v1/platform/tenant-endpoints/acme")
        .then()
        .statusCode(200);
  }

  @Test
  void usageShowsTheSeatsAllocatedAgainstWhatTheTenantAppReports() throws Exception {
    tenantApp.stubFor(
        get(urlEqualTo("/internal/v1/usage"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"seatsUsed\":3,\"staffUsers\":4,\"subscribers\":1200}")));
    reachAt(tenantApp.baseUrl());

    api(token)
        .get("/api/v1/platform/tenants/acme/usage")
        .then()
        .statusCode(200)
        .body("seatsAllocated", equalTo(10))
        .body("seatsUsed", equalTo(3))
        .body("seatsFree", equalTo(7))
        .body("staffUsers", equalTo(4))
        .body("subscribers", equalTo(1200))
        .body("usage", equalTo("reported"));

    String bearer =
        tenantApp
            .findAll(getRequestedFor(urlEqualTo("/internal/v1/usage")))
            .getFirst()
            .getHeader("Authorization")
            .substring("Bearer ".length());
    JwtClaims claims =
        new JwtConsumerBuilder()
            .setVerificationKey(platform.keys().publicKey())
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
            .setExpectedIssuer(TestPlatform.ISSUER)
            .setExpectedAudience("tenant:acme")
            .build()
            .processToClaims(bearer);
    assertThat(claims.getStringClaimValue("scope")).isEqualTo("tenant:usage");
  }

  @Test
  void anUnreachableTenantAppStillShowsTheAllocationAndSaysWhy() {
    reachAt("http://127.0.0.1:9");

    api(token)
        .get("/api/v1/platform/tenants/acme/usage")
        .then()
        .statusCode(200)
        .body("seatsAllocated", equalTo(10))
        .body("seatsUsed", nullValue())
        .body("usage", equalTo("unavailable"))
        .body("reason", equalTo("unreachable"));
  }
}
