package io.tenantry.operator.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.tenantry.crds.v1alpha1.Entitlements;
import io.tenantry.crds.v1alpha1.LicenseStatus;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.database.DatabaseCredentialsSecret;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Secrets and ConfigMap a tenant app reads, as agreed in docs/contracts.md. */
class TenantSecretsSpecTest {

  private final Tenant tenant = Tenants.stored("acme-co", Plan.FREE);

  @Test
  void databaseSecretCarriesTheContractKeysForTheTenantRole() {
    Secret secret =
        DatabaseCredentialsSecret.build(
            tenant, TestConfig.shipped().database().sharedServer(), "s3cret");

    Map<String, String> data = decoded(secret);
    assertThat(secret.getMetadata().getName()).isEqualTo("tenant-db");
    assertThat(data)
        .containsEntry("host", "postgres.tenantry-data.svc")
        .containsEntry("port", "5432")
        .containsEntry("database", "tenant_acme_co")
        .containsEntry("username", "tenant_acme_co")
        .containsEntry("password", "s3cret")
        .containsEntry(
            "jdbc-url", "jdbc:postgresql://postgres.tenantry-data.svc:5432/tenant_acme_co");
  }

  @Test
  void generatedPasswordsAreLongAndNeverRepeat() {
    String first = DatabaseCredentialsSecret.newPassword();
    String second = DatabaseCredentialsSecret.newPassword();

    assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void firstAdminSecretNamesTheAdminOfTheTenantHostWithAFreshPassword() {
    Secret secret =
        FirstAdminSecret.build(tenant, FirstAdminSecret.newCredential(tenant, "tenants.example"));
    Secret other =
        FirstAdminSecret.build(tenant, FirstAdminSecret.newCredential(tenant, "tenants.example"));

    Map<String, String> data = decoded(secret);
    assertThat(secret.getMetadata().getName()).isEqualTo("tenant-admin");
    assertThat(data).containsOnlyKeys("email", "password");
    assertThat(data.get("email")).isEqualTo("admin@acme-co.tenants.example");
    assertThat(data.get("password")).hasSize(43);
    assertThat(decoded(other).get("password")).isNotEqualTo(data.get("password"));
  }

  @Test
  void signingKeyIsAnEcP256PairInPkcs8AndSpkiPem() throws Exception {
    Map<String, String> data =
        decoded(SigningKeySecret.build(tenant, SigningKeySecret.newKeyPair()));

    KeyFactory ec = KeyFactory.getInstance("EC");
    ECPrivateKey privateKey =
        (ECPrivateKey)
            ec.generatePrivate(
                new PKCS8EncodedKeySpec(der(data.get("private-key.pem"), "PRIVATE KEY")));
    ECPublicKey publicKey =
        (ECPublicKey)
            ec.generatePublic(
                new X509EncodedKeySpec(der(data.get("public-key.pem"), "PUBLIC KEY")));
    assertThat(publicKey.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    // the two halves belong together: what one signs, the other verifies
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(privateKey);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void entitlementsAreProjectedAsJsonWithThePlatformKey() {
    Entitlements entitlements = new Entitlements();
    entitlements.seats = 5;
    entitlements.licenseStatus = LicenseStatus.ACTIVE;
    entitlements.features.put("search", true);
    tenant.getSpec().entitlements = entitlements;

    ConfigMap map = EntitlementsConfigMap.build(tenant, Optional.of("-----BEGIN PUBLIC KEY-----"));

    assertThat(map.getMetadata().getName()).isEqualTo("tenant-entitlements");
    assertThat(map.getData().get("entitlements.json"))
        .isEqualTo("{\"seats\":5,\"licenseStatus\":\"active\",\"features\":{\"search\":true}}");
    assertThat(map.getData())
        .containsEntry("platform-public-key.pem", "-----BEGIN PUBLIC KEY-----");
  }

  @Test
  void withoutAPlatformKeyOnlyEntitlementsAreProjected() {
    assertThat(EntitlementsConfigMap.build(tenant, Optional.empty()).getData())
        .containsOnlyKeys("entitlements.json");
  }

  private static Map<String, String> decoded(Secret secret) {
    Map<String, String> decoded = new java.util.TreeMap<>();
    secret.getData().forEach((key, value) -> decoded.put(key, Cluster.decode(value)));
    return decoded;
  }

  private static byte[] der(String pem, String type) {
    assertThat(pem)
        .startsWith("-----BEGIN " + type + "-----\n")
        .endsWith("-----END " + type + "-----\n");
    String body =
        pem.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "");
    return Base64.getMimeDecoder().decode(body);
  }
}
