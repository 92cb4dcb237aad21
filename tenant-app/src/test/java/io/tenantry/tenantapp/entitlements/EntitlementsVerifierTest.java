package io.tenantry.tenantapp.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.common.keys.Pem;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestEntitlements;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** What a signed entitlements file must be for the tenant app to trust it, and nothing else. */
class EntitlementsVerifierTest {

  private static final KeyPair PLATFORM = TenantKeysTestResource.ec();
  private static final String PLATFORM_PEM =
      Pem.encode("PUBLIC KEY", PLATFORM.getPublic().getEncoded());

  private final EntitlementsVerifier verifier = new EntitlementsVerifier("acme", 60);

  private Entitlements verify(String file) throws EntitlementsRefused {
    return verifier.verify(file, PLATFORM_PEM, Instant.now()).entitlements();
  }

  private static TestEntitlements professional() {
    return TestEntitlements.plan("professional", 25)
        .expiresAt(Instant.parse("2027-01-31T00:00:00Z"), 14)
        .features(Map.of("invoicing", true, "radius-sessions", false));
  }

  @Test
  void signedPayloadIsTheWholeTruth() throws Exception {
    String signature = professional().sign(PLATFORM.getPrivate());
    // the readable copy beside the signature claims more than was signed
    String file =
        TestEntitlements.plan("enterprise", 9999).features(TestEntitlements.ALL_ON).file(signature);

    Entitlements entitlements = verify(file);

    assertThat(entitlements)
        .isEqualTo(
            new Entitlements(
                "professional",
                25,
                Instant.parse("2027-01-31T00:00:00Z"),
                14,
                LicenseStatus.active,
                Map.of("invoicing", true, "radius-sessions", false)));
  }

  @Test
  void tamperedPayloadIsRefused() {
    String[] parts = professional().sign(PLATFORM.getPrivate()).split("\\.");
    String forged =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"seats\":25", "\"seats\":2500");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThatThrownBy(() -> verify(professional().file(tampered)))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the signature does not verify with the platform public key");
  }

  @Test
  void entitlementsSignedByAnotherKeyAreRefused() {
    String file = professional().signedFile(TenantKeysTestResource.ec().getPrivate());

    assertThatThrownBy(() -> verify(file))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the signature does not verify with the platform public key");
  }

  @Test
  void entitlementsForAnotherTenantAreRefused() {
    String file = professional().forTenant("globex").signedFile(PLATFORM.getPrivate());

    assertThatThrownBy(() -> verify(file))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("they are signed for tenant 'globex', not for 'acme'");
  }

  @Test
  void entitlementsFromAnotherIssuerAreRefused() {
    String file = professional().issuedBy("https://evil.example").signedFile(PLATFORM.getPrivate());

    assertThatThrownBy(() -> verify(file))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("they are not issued by https://tenantry.io/platform");
  }

  @Test
  void unsignedAlgNoneIsRefused() {
    String[] parts = professional().sign(PLATFORM.getPrivate()).split("\\.");
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> verify(professional().file(header + "." + parts[1] + ".")))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the signature is not an ES256 JWS the platform public key verifies");
  }

  @Test
  void hmacKeyedWithThePublicKeyIsRefused() {
    // the classic confusion attack: the public key, known to all, used as an HMAC secret
    String hmac =
        Jwt.claims()
            .issuer("https://tenantry.io/platform")
            .claim("tenant", "acme")
            .issuedAt(Instant.now())
            .claim("entitlements", professional().payload())
            .jws()
            .algorithm(SignatureAlgorithm.HS256)
            .sign(new SecretKeySpec(PLATFORM_PEM.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

    assertThatThrownBy(() -> verify(professional().file(hmac)))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the signature is not an ES256 JWS the platform public key verifies");
  }

  @Test
  void anRs256SignatureIsRefusedWhileThePlatformKeyIsEc() {
    String file = professional().signedFile(TenantKeysTestResource.rsa().getPrivate());

    assertThatThrownBy(() -> verify(file))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the signature is not an ES256 JWS the platform public key verifies");
  }

  @Test
  void anRs256SignatureByAnRsaPlatformKeyIsAcceptedWhileThatKeyIsConfigured() throws Exception {
    // an install whose platform key predates EC
    KeyPair rsa = TenantKeysTestResource.rsa();
    String file = professional().signedFile(rsa.getPrivate());

    assertThat(verifier.verify(file, pemOf(rsa), Instant.now()).entitlements().seats())
        .isEqualTo(25);
  }

  @Test
  void anEs256SignatureIsRefusedWhileThePlatformKeyIsRsa() {
    String file = professional().signedFile(PLATFORM.getPrivate());

    assertThatThrownBy(
            () -> verifier.verify(file, pemOf(TenantKeysTestResource.rsa()), Instant.now()))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the signature is not an RS256 JWS the platform public key verifies");
  }

  @Test
  void anotherAlgorithmByTheConfiguredRsaKeyIsRefused() {
    // PS256 verifies with the same RSA key; only RS256 is accepted for it
    KeyPair rsa = TenantKeysTestResource.rsa();
    String ps256 =
        Jwt.claims()
            .issuer("https://tenantry.io/platform")
            .claim("tenant", "acme")
            .issuedAt(Instant.now())
            .claim("entitlements", professional().payload())
            .jws()
            .algorithm(SignatureAlgorithm.PS256)
            .sign(rsa.getPrivate());

    assertThatThrownBy(() -> verifier.verify(professional().file(ps256), pemOf(rsa), Instant.now()))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the signature is not an RS256 JWS the platform public key verifies");
  }

  @Test
  void aPlatformKeyOnAnotherCurveThanP256IsRefused() throws Exception {
    KeyPair p384 = KeyUtils.generateKeyPair(384, SignatureAlgorithm.ES384);
    String file = professional().signedFile(PLATFORM.getPrivate());

    assertThatThrownBy(() -> verifier.verify(file, pemOf(p384), Instant.now()))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the platform public key is unreadable");
  }

  @Test
  void duringARotationEitherKeyOfTheSetVerifies() throws Exception {
    KeyPair next = TenantKeysTestResource.ec();
    String keySet = pemOf(next) + PLATFORM_PEM;

    assertThat(verifier.verify(professional().signedFile(PLATFORM.getPrivate()), keySet, now()))
        .extracting(v -> v.entitlements().plan())
        .isEqualTo("professional");
    assertThat(verifier.verify(professional().signedFile(next.getPrivate()), keySet, now()))
        .extracting(v -> v.entitlements().plan())
        .isEqualTo("professional");
  }

  @Test
  void aKeyOutsideTheSetDoesNotVerify() {
    String keySet = pemOf(TenantKeysTestResource.ec()) + PLATFORM_PEM;
    String file = professional().signedFile(TenantKeysTestResource.ec().getPrivate());

    assertThatThrownBy(() -> verifier.verify(file, keySet, now()))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("the signature does not verify with the platform public key");
  }

  @Test
  void theVersionIsTheSignedVer() throws Exception {
    String file = professional().version(42).signedFile(PLATFORM.getPrivate());

    assertThat(verifier.verify(file, PLATFORM_PEM, now()).version()).isEqualTo(42);
  }

  @Test
  void aNegativeVersionIsRefused() {
    String file = professional().version(-1).signedFile(PLATFORM.getPrivate());

    assertThatThrownBy(() -> verify(file))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("'ver' must be a whole number of at least 0");
  }

  @Test
  void keptEntitlementsAreReadWithoutTheKeyThatSignedThem() throws Exception {
    KeyPair rotatedAway = TenantKeysTestResource.ec();
    String file = professional().version(7).signedFile(rotatedAway.getPrivate());

    EntitlementsVerifier.Verified kept = verifier.trusted(file);

    assertThat(kept.version()).isEqualTo(7);
    assertThat(kept.entitlements().seats()).isEqualTo(25);
  }

  private static Instant now() {
    return Instant.now();
  }

  private static String pemOf(KeyPair pair) {
    return Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
  }

  @Test
  void fileWithoutSignatureIsRefused() {
    assertThatThrownBy(() -> verify("{\"seats\":1000}"))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessage("they carry no 'signature'");
  }

  @Test
  void signedPayloadWithAnUnknownLicenseStatusIsRefused() {
    String file = professional().licenseStatus("forever").signedFile(PLATFORM.getPrivate());

    assertThatThrownBy(() -> verify(file))
        .isInstanceOf(EntitlementsRefused.class)
        .hasMessageStartingWith("entitlements.licenseStatus: must be one of");
  }

  @Test
  void expiryAfterGraceMakesTheTenantReadOnlyAndNotBefore() {
    Entitlements expiring =
        new Entitlements(
            "starter", 5, Instant.parse("2027-01-31T00:00:00Z"), 14, LicenseStatus.grace, Map.of());

    assertThat(expiring.readOnlyAt(Instant.parse("2027-02-13T23:59:59Z"))).isEmpty();
    assertThat(expiring.readOnlyAt(Instant.parse("2027-02-14T00:00:00Z")))
        .contains(LicenseStatus.expired);
  }
}
