package io.tenantry.controlplane.secrets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.licensing.EntitlementsSigner;
import io.tenantry.controlplane.licensing.SignedEntitlements;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.tenantlink.ServiceTokens;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.HashUtil;
import org.junit.jupiter.api.Test;

/** A new install: the platform key is generated as EC P-256 and everything it signs is ES256. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class PlatformKeySecretTest {

  @Inject KubernetesClient client;
  @Inject PlatformKeys keys;
  @Inject TestPlatform platform;
  @Inject ServiceTokens tokens;
  @Inject EntitlementsSigner signer;

  @Test
  void theFirstStartGeneratesAnEcP256KeyPairIntoASecretInTheTenantrySystemNamespace()
      throws Exception {
    Secret secret =
        client
            .secrets()
            .inNamespace("tenantry-system")
            .withName("tenantry-platform-signing-key")
            .get();

    assertThat(secret).isNotNull();
    String publicPem = decode(secret.getData().get("public-key.pem"));
    assertThat(decode(secret.getData().get("private-key.pem")))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    ECPublicKey stored =
        (ECPublicKey) KeyUtils.decodePublicKey(publicPem, SignatureAlgorithm.ES256);
    assertThat(EllipticCurves.getName(stored.getParams().getCurve()))
        .isEqualTo(EllipticCurves.P_256);
    assertThat(stored).isEqualTo(keys.publicKey());
    assertThat(keys.algorithm()).isEqualTo(SignatureAlgorithm.ES256);
  }

  @Test
  void serviceTokensAreEs256AndVerifyWithThePlatformKey() throws Exception {
    String token = tokens.mint("acme", ServiceTokens.SEARCH);

    assertThat(PlatformTokens.algorithmOf(token)).isEqualTo("ES256");
    assertThat(
            new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setExpectedIssuer(TestPlatform.ISSUER)
                .setExpectedAudience("tenant:acme")
                .build()
                .processToClaims(token)
                .getStringClaimValue("scope"))
        .isEqualTo(ServiceTokens.SEARCH);
  }

  @Test
  void accessTokensFromALoginAreEs256AndOpenTheApi() {
    platform.reset();
    String access = PlatformTokens.login(platform.user(Role.SUPPORT));

    assertThat(PlatformTokens.algorithmOf(access)).isEqualTo("ES256");
    given().auth().oauth2(access).get("/api/v1/auth/me").then().statusCode(200);
  }

  @Test
  void entitlementsAreSignedEs256WithTheKeyThumbprintAsKid() throws Exception {
    SignedEntitlements signed =
        SignedEntitlements.verify(signer.sign("acme", Map.of("seats", 5)), keys.publicKey());

    assertThat(signed.algorithm()).isEqualTo("ES256");
    assertThat(signed.keyId())
        .isEqualTo(
            new EllipticCurveJsonWebKey((ECPublicKey) keys.publicKey())
                .calculateBase64urlEncodedThumbprint(HashUtil.SHA_256));
    assertThat(signed.entitlements()).containsEntry("seats", 5L);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
