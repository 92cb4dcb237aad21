package io.tenantry.crds.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed Release and Rollout schemas refuse what a real API server must refuse; each bad
 * manifest breaks exactly one rule of one that is otherwise valid.
 */
class RolloutSchemaTest {

  private final CrdSchemaValidator releases =
      new CrdSchemaValidator(TenantCrd.RELEASE.firstVersion());
  private final CrdSchemaValidator rollouts =
      new CrdSchemaValidator(TenantCrd.ROLLOUT.firstVersion());

  private static ObjectNode release() {
    return (ObjectNode)
        CrdSchemaValidator.yaml(
            """
            apiVersion: tenantry.io/v1alpha1
            kind: Release
            metadata: {name: app-1-5-0}
            spec: {appVersion: 1.5.0, rollbackSafe: true, description: Faster invoices}
            """);
  }

  private static ObjectNode rollout() {
    return (ObjectNode)
        CrdSchemaValidator.yaml(
            """
            apiVersion: tenantry.io/v1alpha1
            kind: Rollout
            metadata: {name: to-1-5-0}
            spec:
              release: app-1-5-0
              selector: {plans: [starter, professional], regions: [eu-west-1]}
              paused: false
              aborted: false
              promotedThrough: -1
              waves:
                - name: canary
                  selector: {matchLabels: {tenantry.io/ring: canary}}
                  canary: {count: 2}
                  maxParallel: 2
                  failureBudget: "0"
                  soakSeconds: 300
                  gate: {maxErrorRatio: 0.01, maxP99Millis: 800}
                - name: rest
                  maxParallel: 50
                  failureBudget: 5%
                  promotion: Manual
            """);
  }

  private static ObjectNode firstWave(ObjectNode rollout) {
    return (ObjectNode) rollout.at("/spec/waves/0");
  }

  @Test
  void acceptsACompleteRelease() {
    assertThat(releases.violations(release())).isEmpty();
  }

  @Test
  void acceptsACompleteRollout() {
    assertThat(rollouts.violations(rollout())).isEmpty();
  }

  @Test
  void releaseNeedsAnAppVersion() {
    ObjectNode release = release();
    ((ObjectNode) release.get("spec")).remove("appVersion");
    assertThat(releases.violations(release)).singleElement().asString().contains("appVersion");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0; rm -rf /", "sha256:abc", ""})
  void releaseRefusesAnAppVersionThatIsNeitherTagNorDigest(String version) {
    ObjectNode release = release();
    ((ObjectNode) release.get("spec")).put("appVersion", version);
    assertThat(releases.violations(release)).singleElement().asString().contains("appVersion");
  }

  @Test
  void releaseDescriptionIsAtMost200Characters() {
    ObjectNode release = release();
    ((ObjectNode) release.get("spec")).put("description", "x".repeat(201));
    assertThat(releases.violations(release)).singleElement().asString().contains("description");
  }

  @Test
  void rolloutNeedsAtLeastOneWave() {
    ObjectNode rollout = rollout();
    ((ObjectNode) rollout.get("spec")).putArray("waves");
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("waves");
  }

  @Test
  void rolloutNeedsARelease() {
    ObjectNode rollout = rollout();
    ((ObjectNode) rollout.get("spec")).remove("release");
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("release");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Canary", "-a", "a_b"})
  void waveNameIsADnsLabel(String name) {
    ObjectNode rollout = rollout();
    firstWave(rollout).put("name", name);
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5", "five", "5%%", "%"})
  void failureBudgetIsACountOrAPercentage(String budget) {
    ObjectNode rollout = rollout();
    firstWave(rollout).put("failureBudget", budget);
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("failureBudget");
  }

  @Test
  void maxParallelIsAtLeastOne() {
    ObjectNode rollout = rollout();
    firstWave(rollout).put("maxParallel", 0);
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("maxParallel");
  }

  @Test
  void soakIsNotNegative() {
    ObjectNode rollout = rollout();
    firstWave(rollout).put("soakSeconds", -1);
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("soakSeconds");
  }

  @Test
  void promotionIsAutomaticOrManual() {
    ObjectNode rollout = rollout();
    firstWave(rollout).put("promotion", "Later");
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("promotion");
  }

  @Test
  void errorRatioIsAShare() {
    ObjectNode rollout = rollout();
    ((ObjectNode) firstWave(rollout).get("gate")).put("maxErrorRatio", 1.5);
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("maxErrorRatio");
  }

  @Test
  void canaryPercentIsAtMost100() {
    ObjectNode rollout = rollout();
    firstWave(rollout).putObject("canary").put("percent", 101);
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("percent");
  }

  @Test
  void selectorRefusesAnUnknownPlan() {
    ObjectNode rollout = rollout();
    ((ObjectNode) rollout.at("/spec/selector")).putArray("plans").add("gold");
    assertThat(rollouts.violations(rollout)).singleElement().asString().contains("plans");
  }

  @Test
  void releaseCannotChangeOnceTheRolloutHasStarted() {
    ObjectNode old = rollout();
    old.putObject("status").put("phase", "Progressing");
    ObjectNode changed = old.deepCopy();
    ((ObjectNode) changed.get("spec")).put("release", "app-1-6-0");

    assertThat(rollouts.violationsOnUpdate(old, changed))
        .singleElement()
        .asString()
        .contains("spec.release cannot change");
  }

  @Test
  void releaseMayChangeWhileTheRolloutIsPending() {
    ObjectNode old = rollout();
    old.putObject("status").put("phase", "Pending");
    ObjectNode changed = old.deepCopy();
    ((ObjectNode) changed.get("spec")).put("release", "app-1-6-0");

    assertThat(rollouts.violationsOnUpdate(old, changed)).isEmpty();
  }

  @Test
  void bothAreClusterScopedWithTheirShortNames() {
    assertThat(TenantCrd.RELEASE.read().at("/spec/scope").asText()).isEqualTo("Cluster");
    assertThat(TenantCrd.RELEASE.read().at("/spec/names/shortNames/0").asText()).isEqualTo("rel");
    assertThat(TenantCrd.ROLLOUT.read().at("/spec/scope").asText()).isEqualTo("Cluster");
    assertThat(TenantCrd.ROLLOUT.read().at("/spec/names/shortNames/0").asText()).isEqualTo("ro");
  }

  @Test
  void kubectlShowsTheRolloutColumns() {
    JsonNode version = TenantCrd.ROLLOUT.firstVersion();
    assertThat(version.at("/subresources/status").isObject()).isTrue();
    List<String> columns =
        version.get("additionalPrinterColumns").findValuesAsText("name").stream().toList();
    // Issue 19: what a rollout is doing reads left to right, its age last, as kubectl shows it.
    assertThat(columns).containsExactly("Release", "Wave", "Done", "Failed", "Phase", "Age");
    assertThat(version.get("additionalPrinterColumns").findValuesAsText("jsonPath"))
        .containsExactly(
            ".spec.release",
            ".status.currentWaveName",
            ".status.progress",
            ".status.failed",
            ".status.phase",
            ".metadata.creationTimestamp");
  }

  @Test
  void kubectlShowsTheReleaseColumns() {
    List<String> columns =
        TenantCrd.RELEASE
            .firstVersion()
            .get("additionalPrinterColumns")
            .findValuesAsText("name")
            .stream()
            .toList();
    assertThat(columns).containsExactly("AppVersion", "RollbackSafe", "Age");
  }
}
