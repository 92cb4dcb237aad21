package io.tenantry.crds.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mock API server does not enforce CRD schemas, so these tests prove the committed schema
 * itself refuses what a real API server must refuse. Each bad manifest breaks exactly one rule of a
 * manifest that is otherwise valid.
 */
class TenantSchemaTest {

  private final CrdSchemaValidator validator = new CrdSchemaValidator(TenantCrd.version());

  private static ObjectNode valid() {
    return (ObjectNode)
        CrdSchemaValidator.yaml(
            """
            apiVersion: tenantry.io/v1alpha1
            kind: Tenant
            metadata:
              name: acme
            spec:
              displayName: Acme Fiber Ltd
              plan: professional
              region: eu-west-1
              deletionPolicy: Retain
              appVersion: 1.4.2
              entitlements:
                seats: 25
                expiresAt: 2027-01-31T00:00:00Z
                gracePeriodDays: 14
                licenseStatus: active
                features:
                  radius: true
            """);
  }

  private static ObjectNode spec(ObjectNode manifest) {
    return (ObjectNode) manifest.get("spec");
  }

  @Test
  void acceptsACompleteTenant() {
    assertThat(validator.violations(valid())).isEmpty();
  }

  @Test
  void acceptsTheMinimalTenant() {
    JsonNode minimal =
        CrdSchemaValidator.yaml(
            """
            apiVersion: tenantry.io/v1alpha1
            kind: Tenant
            metadata: {name: abc}
            spec: {displayName: A, plan: free}
            """);
    assertThat(validator.violations(minimal)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"free", "starter", "professional", "enterprise"})
  void acceptsEveryPlan(String plan) {
    ObjectNode manifest = valid();
    spec(manifest).put("plan", plan);
    assertThat(validator.violations(manifest)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gold", "Free", "PROFESSIONAL", ""})
  void refusesAnUnknownPlan(String plan) {
    ObjectNode manifest = valid();
    spec(manifest).put("plan", plan);
    assertThat(validator.violations(manifest)).singleElement().asString().contains("plan");
  }

  @Test
  void refusesAMissingPlan() {
    ObjectNode manifest = valid();
    spec(manifest).remove("plan");
    assertThat(validator.violations(manifest)).singleElement().asString().contains("plan");
  }

  @Test
  void refusesAMissingDisplayName() {
    ObjectNode manifest = valid();
    spec(manifest).remove("displayName");
    assertThat(validator.violations(manifest)).singleElement().asString().contains("displayName");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "acme", "fast-fiber", "a1234567890123456789012345678901234567z9"})
  void acceptsDnsLabelNamesOf3To40Characters(String name) {
    ObjectNode manifest = valid();
    ((ObjectNode) manifest.get("metadata")).put("name", name);
    assertThat(validator.violations(manifest)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "a12345678901234567890123456789012345678z9",
        "Acme",
        "1acme",
        "acme-",
        "-acme",
        "ac_me",
        "ac.me",
        "acmé"
      })
  void refusesNamesThatAreNotDnsLabelsOf3To40Characters(String name) {
    ObjectNode manifest = valid();
    ((ObjectNode) manifest.get("metadata")).put("name", name);
    assertThat(validator.violations(manifest)).singleElement().asString().contains("metadata.name");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -100})
  void refusesNegativeSeats(int seats) {
    ObjectNode manifest = valid();
    ((ObjectNode) spec(manifest).get("entitlements")).put("seats", seats);
    assertThat(validator.violations(manifest)).singleElement().asString().contains("seats");
  }

  @Test
  void refusesSeatsThatAreNotANumber() {
    ObjectNode manifest = valid();
    ((ObjectNode) spec(manifest).get("entitlements")).put("seats", "ten");
    assertThat(validator.violations(manifest)).singleElement().asString().contains("seats");
  }

  @Test
  void refusesAnUnknownDeletionPolicy() {
    ObjectNode manifest = valid();
    spec(manifest).put("deletionPolicy", "Orphan");
    assertThat(validator.violations(manifest))
        .singleElement()
        .asString()
        .contains("deletionPolicy");
  }

  @Test
  void refusesAnAppVersionThatIsNotAnImageTag() {
    ObjectNode manifest = valid();
    spec(manifest).put("appVersion", "1.0; rm -rf /");
    assertThat(validator.violations(manifest)).singleElement().asString().contains("appVersion");
  }

  @Test
  void acceptsAnImageDigestAsAppVersion() {
    ObjectNode manifest = valid();
    spec(manifest).put("appVersion", "sha256:" + "0f".repeat(32));
    assertThat(validator.violations(manifest)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256:abc", "sha256:ABCDEF", "sha512:00", "@sha256:00"})
  void refusesADigestThatIsNotASha256OfSixtyFourHexDigits(String version) {
    ObjectNode manifest = valid();
    spec(manifest).put("appVersion", version);
    assertThat(validator.violations(manifest)).singleElement().asString().contains("appVersion");
  }

  @Test
  void refusesAnExpiryThatIsNotRfc3339() {
    ObjectNode manifest = valid();
    ((ObjectNode) spec(manifest).get("entitlements")).put("expiresAt", "next tuesday");
    assertThat(validator.violations(manifest)).singleElement().asString().contains("expiresAt");
  }

  @Test
  void refusesAnUnknownLicenseStatus() {
    ObjectNode manifest = valid();
    ((ObjectNode) spec(manifest).get("entitlements")).put("licenseStatus", "forever");
    assertThat(validator.violations(manifest)).singleElement().asString().contains("licenseStatus");
  }

  @Test
  void hasTheStatusSubresourceAndPrinterColumns() {
    JsonNode version = TenantCrd.version();
    assertThat(version.at("/subresources/status").isObject()).isTrue();
    List<String> columns =
        version.get("additionalPrinterColumns").findValuesAsText("name").stream().toList();
    assertThat(columns).contains("Plan", "Phase", "URL", "Version", "Age");
  }

  @Test
  void isClusterScopedWithShortNameTnt() {
    JsonNode spec = TenantCrd.committed().get("spec");
    assertThat(spec.get("scope").asText()).isEqualTo("Cluster");
    assertThat(spec.at("/names/shortNames/0").asText()).isEqualTo("tnt");
  }

  @Test
  void describesEverySpecFieldForKubectlExplain() {
    JsonNode properties = TenantCrd.openApiSchema().at("/properties/spec/properties");
    properties
        .properties()
        .forEach(
            field ->
                assertThat(field.getValue().path("description").asText())
                    .as("description of spec.%s", field.getKey())
                    .isNotBlank());
  }
}
