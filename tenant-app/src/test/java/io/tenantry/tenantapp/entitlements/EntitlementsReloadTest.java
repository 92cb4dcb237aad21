package io.tenantry.tenantapp.entitlements;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestEntitlements;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entitlements arrive as a file that changes under the running app; only ones the platform key
 * verifies for this tenant are applied, and a refused file leaves the last valid ones in force.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class EntitlementsReloadTest {

  private static final TestEntitlements STARTER_WITHOUT_INVOICING =
      TestEntitlements.plan("starter", 40).features(Map.of("support-tickets", true));

  @Inject TestTenant tenant;
  @Inject EntitlementsStore store;

  @BeforeEach
  void startFromStarterPlan() {
    tenant.entitle(STARTER_WITHOUT_INVOICING);
  }

  @AfterEach
  void restore() {
    tenant.restoreEntitlements();
  }

  private static void write(String content) {
    TestEntitlements.write(TestTenant.entitlementsDir(), content);
  }

  private void assertStarterStillInForce() {
    assertThat(store.current().plan()).isEqualTo("starter");
    assertThat(store.current().seats()).isEqualTo(40);
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .get("/api/v1/invoices")
        .then()
        .statusCode(403)
        .body("plan", equalTo("starter"));
  }

  @Test
  void testProfileStartsWithTheSignedEntitlementsInItsEntitlementsDir() {
    tenant.restoreEntitlements();

    assertThat(store.current().plan()).isEqualTo("enterprise");
    assertThat(store.current().seats()).isEqualTo(1000);
  }

  @Test
  void newValidEntitlementsArePickedUpWithoutRestart() {
    // written only; the app's own poll must find it
    write(
        TestEntitlements.plan("professional", 25)
            .features(Map.of("invoicing", true))
            .signedFile(tenant.platformPrivateKey()));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(store.current().plan()).isEqualTo("professional"));
    assertThat(store.current().seats()).isEqualTo(25);
    given()
        .auth()
        .oauth2(tenant.tokenFor(Role.tenant_admin))
        .get("/api/v1/invoices")
        .then()
        .statusCode(200);
  }

  @Test
  void entitlementsWithABrokenSignatureAreRefusedAndTheLastValidStayInForce() {
    String[] parts =
        TestEntitlements.plan("enterprise", 5000).sign(tenant.platformPrivateKey()).split("\\.");
    // a valid signature over other content: the signature bytes no longer match the payload
    String other =
        TestEntitlements.plan("enterprise", 6000).sign(tenant.platformPrivateKey()).split("\\.")[2];
    write(TestEntitlements.plan("enterprise", 5000).file(parts[0] + "." + parts[1] + "." + other));
    store.reload();

    assertStarterStillInForce();
  }

  @Test
  void entitlementsWithAnEditedPayloadAreRefusedAndTheLastValidStayInForce() {
    String[] parts = STARTER_WITHOUT_INVOICING.sign(tenant.platformPrivateKey()).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"seats\":40", "\"seats\":4000");
    String edited =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    write(STARTER_WITHOUT_INVOICING.file(parts[0] + "." + edited + "." + parts[2]));
    store.reload();

    assertStarterStillInForce();
  }

  @Test
  void entitlementsSignedByAnotherKeyAreRefusedAndTheLastValidStayInForce() {
    write(
        TestEntitlements.plan("enterprise", 5000)
            .signedFile(TenantKeysTestResource.ec().getPrivate()));
    store.reload();

    assertStarterStillInForce();
  }

  @Test
  void entitlementsForAnotherTenantAreRefusedAndTheLastValidStayInForce() {
    write(
        TestEntitlements.plan("enterprise", 5000)
            .forTenant("globex")
            .signedFile(tenant.platformPrivateKey()));
    store.reload();

    assertStarterStillInForce();
  }

  @Test
  void aValidFileAfterARefusedOneIsApplied() {
    write(
        TestEntitlements.plan("enterprise", 5000)
            .signedFile(TenantKeysTestResource.ec().getPrivate()));
    store.reload();

    tenant.entitle(TestEntitlements.plan("professional", 30));

    assertThat(store.current().plan()).isEqualTo("professional");
    assertThat(store.current().seats()).isEqualTo(30);
  }
}
