package io.tenantry.controlplane.secrets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.common.keys.Pem;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.licensing.LicensingFixture;
import io.tenantry.controlplane.licensing.PublicKeyBundle;
import io.tenantry.controlplane.licensing.SignedEntitlements;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rotation with overlap: the retired public key stays in the published bundle beside the new one,
 * and every tenant's entitlements are signed again with the new key.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class KeyRotationTest {

  private static final String NAMESPACE = "tenantry-system";
  private static final String SECRET = "tenantry-platform-signing-key";
  private static final String TENANTS = "/api/v1/platform/tenants";

  @Inject KubernetesClient client;
  @Inject PlatformKeys keys;
  @Inject PublicKeyBundle bundle;
  @Inject SecretStore store;
  @Inject TestPlatform platform;
  @Inject LicensingFixture fixture;

  private Map<String, String> original;

  @BeforeEach
  void remember() {
    fixture.reset();
    original = store.read(SECRET).orElseThrow();
  }

  @AfterEach
  void restore() {
    store.write(SECRET, original);
    keys.load();
    bundle.publish();
  }

  @Test
  void theBundleIsPublishedWithTheCurrentKeyFirst() {
    assertThat(published()).isEqualTo(Pem.encode(Pem.PUBLIC_KEY, keys.publicKey().getEncoded()));
  }

  @Test
  void aRotatedKeyIsPublishedBesideTheRetiredOneAndEveryTenantIsSignedAgain() throws Exception {
    String token = platform.tokenFor(Role.ADMIN);
    fixture.createTenant(token, "acme", "starter");
    PublicKey retired = keys.publicKey();
    String retiredSignature = fixture.awaitEntitlements("acme", e -> e.signature != null).signature;
    SignedEntitlements.verify(retiredSignature, retired);

    KeyPair next = KeyUtils.generateKeyPair(256, SignatureAlgorithm.ES256);
    String retiredPem = original.get(PlatformKeys.PUBLIC_KEY);
    store.write(
        SECRET,
        Map.of(
            PlatformKeys.PRIVATE_KEY, Pem.encode(Pem.PRIVATE_KEY, next.getPrivate().getEncoded()),
            PlatformKeys.PUBLIC_KEY, Pem.encode(Pem.PUBLIC_KEY, next.getPublic().getEncoded()),
            PlatformKeys.PREVIOUS_PUBLIC_KEYS, retiredPem));
    keys.load();
    bundle.publish();

    assertThat(published())
        .isEqualTo(
            Pem.encode(Pem.PUBLIC_KEY, next.getPublic().getEncoded()) + retiredPem.strip() + "\n");
    String resigned =
        fixture.awaitEntitlements("acme", e -> !retiredSignature.equals(e.signature)).signature;
    assertThat(SignedEntitlements.verify(resigned, next.getPublic()).entitlements())
        .containsEntry("plan", "starter");
  }

  @Test
  void anAdminTokenOfTheRetiredKeyIsAcceptedDuringTheOverlapAndRefusedAfterIt() throws Exception {
    String retiredToken = platform.tokenFor(Role.ADMIN);
    KeyPair next = KeyUtils.generateKeyPair(256, SignatureAlgorithm.ES256);
    Map<String, String> rotated =
        Map.of(
            PlatformKeys.PRIVATE_KEY, Pem.encode(Pem.PRIVATE_KEY, next.getPrivate().getEncoded()),
            PlatformKeys.PUBLIC_KEY, Pem.encode(Pem.PUBLIC_KEY, next.getPublic().getEncoded()));
    Map<String, String> overlap = new HashMap<>(rotated);
    overlap.put(PlatformKeys.PREVIOUS_PUBLIC_KEYS, original.get(PlatformKeys.PUBLIC_KEY));

    store.write(SECRET, overlap);
    keys.load();
    given().auth().oauth2(retiredToken).get(TENANTS).then().statusCode(200);
    given().auth().oauth2(platform.tokenFor(Role.ADMIN)).get(TENANTS).then().statusCode(200);

    store.write(SECRET, rotated); // the overlap ends: the retired key leaves the set
    keys.load();
    given()
        .auth()
        .oauth2(retiredToken)
        .get(TENANTS)
        .then()
        .statusCode(401)
        .body("type", endsWith("invalid-token"));
    given().auth().oauth2(platform.tokenFor(Role.ADMIN)).get(TENANTS).then().statusCode(200);
  }

  private String published() {
    ConfigMap map = client.configMaps().inNamespace(NAMESPACE).withName(PublicKeyBundle.NAME).get();
    assertThat(map).isNotNull();
    return map.getData().get(PublicKeyBundle.KEY);
  }
}
