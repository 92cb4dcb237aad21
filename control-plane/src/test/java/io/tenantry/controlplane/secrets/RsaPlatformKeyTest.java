package io.tenantry.controlplane.secrets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.common.keys.Pem;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.licensing.EntitlementsSigner;
import io.tenantry.controlplane.licensing.SignedEntitlements;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.tenantlink.ServiceTokens;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.HashUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An existing install: the secret store already holds an RSA platform key from before keys were
 * generated as EC. The control plane keeps it, signs RS256 with it and accepts only RS256.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true, setup = RsaPlatformKeyTest.StoredRsaKey.class)
class RsaPlatformKeyTest {

  private static final String ME = "/api/v1/auth/me";

  @Inject KubernetesClient client;
  @Inject PlatformKeys keys;
  @Inject TestPlatform platform;
  @Inject ServiceTokens tokens;
  @Inject EntitlementsSigner signer;

  private PlatformUser user;

  /** Stores an RSA 2048 pair where the control plane looks for its key, before it starts. */
  public static class StoredRsaKey implements Consumer<KubernetesServer> {
    @Override
    public void accept(KubernetesServer server) {
      try {
        KeyPair rsa = KeyUtils.generateKeyPair(2048);
        new KubernetesSecretStore(server.getClient(), "tenantry-system")
            .write(
                "tenantry-platform-signing-key",
                Map.of(
                    PlatformKeys.PRIVATE_KEY,
                    Pem.encode("PRIVATE KEY", rsa.getPrivate().getEncoded()),
                    PlatformKeys.PUBLIC_KEY,
                    Pem.encode("PUBLIC KEY", rsa.getPublic().getEncoded())));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @BeforeEach
  void reset() {
    platform.reset();
    user = platform.user(Role.SUPPORT);
  }

  private JwtClaimsBuilder claims() {
    Instant now = Instant.now();
    return Jwt.issuer(TestPlatform.ISSUER)
        .audience(TestPlatform.AUDIENCE)
        .subject(user.id.toString())
        .upn(user.email)
        .groups(user.role)
        .issuedAt(now)
        .expiresAt(now.plusSeconds(300));
  }

  @Test
  void theStoredRsaKeyIsKeptAndSignsRs256() throws Exception {
    String storedPem =
        new KubernetesSecretStore(client, "tenantry-system")
            .read("tenantry-platform-signing-key")
            .orElseThrow()
            .get(PlatformKeys.PUBLIC_KEY);

    assertThat(keys.publicKey())
        .isInstanceOf(RSAPublicKey.class)
        .isEqualTo(KeyUtils.decodePublicKey(storedPem));
    assertThat(keys.algorithm()).isEqualTo(SignatureAlgorithm.RS256);
  }

  @Test
  void serviceTokensAreRs256AndVerifyWithTheStoredKey() throws Exception {
    String token = tokens.mint("acme", ServiceTokens.USAGE);

    assertThat(PlatformTokens.algorithmOf(token)).isEqualTo("RS256");
    assertThat(
            new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(TestPlatform.ISSUER)
                .setExpectedAudience("tenant:acme")
                .build()
                .processToClaims(token)
                .getStringClaimValue("scope"))
        .isEqualTo(ServiceTokens.USAGE);
  }

  @Test
  void accessTokensFromALoginAreRs256AndOpenTheApi() {
    String access = PlatformTokens.login(user);

    assertThat(PlatformTokens.algorithmOf(access)).isEqualTo("RS256");
    given().auth().oauth2(access).get(ME).then().statusCode(200);
  }

  @Test
  void entitlementsAreSignedRs256WithTheKeyThumbprintAsKid() throws Exception {
    SignedEntitlements signed =
        SignedEntitlements.verify(signer.sign("acme", Map.of("seats", 5)), keys.publicKey());

    assertThat(signed.algorithm()).isEqualTo("RS256");
    assertThat(signed.keyId())
        .isEqualTo(
            new RsaJsonWebKey((RSAPublicKey) keys.publicKey())
                .calculateBase64urlEncodedThumbprint(HashUtil.SHA_256));
  }

  @Test
  void anEs256TokenIsRefusedWhileThePlatformKeyIsRsa() throws Exception {
    String es256 =
        claims()
            .jws()
            .algorithm(SignatureAlgorithm.ES256)
            .sign(KeyUtils.generateKeyPair(256, SignatureAlgorithm.ES256).getPrivate());

    given().auth().oauth2(es256).get(ME).then().statusCode(401);
  }

  @Test
  void aPs256TokenByTheStoredRsaKeyIsRefused() {
    // the same key could verify PS256; only the key's one algorithm is accepted
    String ps256 = claims().jws().algorithm(SignatureAlgorithm.PS256).sign(keys.privateKey());

    given().auth().oauth2(ps256).get(ME).then().statusCode(401);
  }
}
