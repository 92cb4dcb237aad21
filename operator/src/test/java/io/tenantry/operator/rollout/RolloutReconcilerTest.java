package io.tenantry.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Rollout;
import io.tenantry.crds.v1alpha1.RolloutPhase;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.crds.v1alpha1.WavePhase;
import io.tenantry.crds.v1alpha1.WaveStatus;
import io.tenantry.operator.rollout.FleetSimulator.Health;
import io.tenantry.operator.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollout controller on the mock API server, with Deployment status set by the test (healthy,
 * readiness failing, crash looping) and the apps' metrics served by a real HTTP server. Each test
 * selects its own tenants by a label, so tests never see each other's fleet.
 */
class RolloutReconcilerTest {

  private static final Duration WITHIN = Duration.ofSeconds(30);
  private static final String TARGET = "2.0.0";

  private static RolloutHarness harness;
  private String test;

  @BeforeAll
  static void startCluster() {
    harness =
        new RolloutHarness(
            Map.of(
                "tenantry.operator.rollout.update-timeout", "20s",
                "tenantry.operator.rollout.recheck-interval", "300ms"));
  }

  @AfterAll
  static void stopCluster() {
    harness.close();
  }

  @BeforeEach
  void startOperator() {
    test = Tenants.freshSlug("t");
    harness.fleet.behave((tenant, version) -> Health.HEALTHY);
    harness.startOperator();
  }

  @AfterEach
  void stopOperator() {
    harness.stopOperator();
    harness.tenantWritesSinceLastCall();
  }

  @Test
  void healthyReleaseMovesEveryTenantWaveByWave() {
    List<String> slugs = tenants(6, Map.of());
    harness.release(test, TARGET, true);
    harness.tenantWritesSinceLastCall();

    rollout(
        """
        waves:
          - {name: canary, canary: {count: 2}, maxParallel: 1}
          - {name: rest, maxParallel: 2}
        """);

    Rollout done = awaitPhase(RolloutPhase.Completed);
    assertThat(done.getStatus().progress).isEqualTo("6/6");
    assertThat(done.getStatus().waves).extracting(w -> w.phase).containsOnly(WavePhase.Succeeded);
    assertThat(done.getStatus().waves.get(0).tenants).hasSize(2);
    assertThat(states(done)).containsOnly(TenantRolloutState.Succeeded);
    assertThat(slugs)
        .allSatisfy(s -> assertThat(harness.tenant(s).getSpec().rolloutVersion).isEqualTo(TARGET));
    assertThat(condition(done, RolloutConditions.COMPLETED).getStatus()).isEqualTo("True");
    // The canary's two tenants moved first, the rest only after both succeeded.
    List<String> moved = movedTo(TARGET, slugs);
    Set<String> canary = members(done.getStatus().waves.get(0));
    assertThat(moved.subList(0, 2)).containsExactlyInAnyOrderElementsOf(canary);
    // One write per tenant: its rolloutVersion, nothing else.
    assertThat(harness.tenantWritesSinceLastCall()).containsExactlyInAnyOrderElementsOf(slugs);
  }

  @Test
  void failuresBeyondTheBudgetHaltRollBackAndLeaveLaterWavesUntouched() {
    List<String> first = tenants(2, Map.of("rolloutVersion", "1.0.0", "ring", "canary"));
    String fromDefault =
        harness.tenant(Tenants.freshSlug("dflt"), Plan.FREE, test, Map.of("ring", "canary")).slug();
    List<String> later = tenants(3, Map.of("rolloutVersion", "1.0.0"));
    awaitTemplates(List.of(fromDefault), null);
    harness.release(test, TARGET, true);
    Set<String> crashing = Set.of(first.get(0), fromDefault);
    harness.fleet.behave(
        (tenant, version) ->
            crashing.contains(tenant) && version.equals(TARGET)
                ? Health.CRASH_LOOP
                : Health.HEALTHY);
    String firstWave = "[" + String.join(", ", first) + ", " + fromDefault + "]";

    rollout(
        """
        waves:
          - {name: first, selector: {matchLabels: {tenantry.io/ring: canary}}, maxParallel: 3, failureBudget: "1"}
          - {name: later, maxParallel: 3}
        """);

    Rollout halted = awaitPhase(RolloutPhase.Halted);
    awaitStatus(r -> r.getStatus().rolledBack == 2);
    halted = harness.rollout(test);
    assertThat(members(halted.getStatus().waves.get(0)).toString()).isEqualTo(sorted(firstWave));
    assertThat(halted.getStatus().waves.get(0).phase).isEqualTo(WavePhase.Halted);
    Condition condition = condition(halted, RolloutConditions.HALTED);
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getReason()).isEqualTo("BudgetExceeded");
    assertThat(condition.getMessage()).contains(first.get(0), fromDefault);
    // Rolled back: to the version it had, or to the default by removing the field.
    assertThat(harness.tenant(first.get(0)).getSpec().rolloutVersion).isEqualTo("1.0.0");
    assertThat(harness.tenant(fromDefault).getSpec().rolloutVersion).isNull();
    assertThat(tenantState(halted, first.get(0)).reason).isEqualTo("ProgressDeadlineExceeded");
    assertThat(harness.tenant(first.get(1)).getSpec().rolloutVersion).isEqualTo(TARGET);
    // The later wave was never started.
    assertThat(halted.getStatus().waves.get(1).phase).isEqualTo(WavePhase.Pending);
    assertThat(later)
        .allSatisfy(s -> assertThat(harness.tenant(s).getSpec().rolloutVersion).isEqualTo("1.0.0"));
    assertThat(movedTo(TARGET, later)).isEmpty();
  }

  @Test
  void aReleaseThatIsNotRollbackSafeLeavesFailedTenantsWhereTheyAre() {
    List<String> slugs = tenants(1, Map.of("rolloutVersion", "1.0.0"));
    harness.release(test, TARGET, false);
    harness.fleet.behave((t, v) -> v.equals(TARGET) ? Health.CRASH_LOOP : Health.HEALTHY);

    rollout("waves: [{name: all}]");

    Rollout halted = awaitPhase(RolloutPhase.Halted);
    assertThat(tenantState(halted, slugs.get(0)).state).isEqualTo(TenantRolloutState.Failed);
    assertThat(halted.getStatus().rolledBack).isZero();
    assertThat(harness.tenant(slugs.get(0)).getSpec().rolloutVersion).isEqualTo(TARGET);
  }

  @Test
  void readinessFailingDuringSoakFailsTheTenant() {
    List<String> slugs = tenants(1, Map.of("rolloutVersion", "1.0.0"));
    harness.release(test, TARGET, true);

    rollout("waves: [{name: all, soakSeconds: 30}]");
    awaitStatus(r -> tenantState(r, slugs.get(0)).state == TenantRolloutState.Soaking);
    harness.fleet.failReadiness(slugs.get(0));

    Rollout halted = awaitPhase(RolloutPhase.Halted);
    TenantRolloutStatus tenant = tenantState(halted, slugs.get(0));
    assertThat(tenant.state).isEqualTo(TenantRolloutState.RolledBack);
    assertThat(tenant.reason).isEqualTo(HealthGate.NOT_AVAILABLE);
    assertThat(harness.tenant(slugs.get(0)).getSpec().rolloutVersion).isEqualTo("1.0.0");
  }

  @Test
  void anErrorRatioAboveTheGateDuringSoakFailsTheTenant() {
    List<String> slugs = tenants(2, Map.of());
    harness.metrics.requests(slugs.get(0), 90, 10);
    harness.metrics.requests(slugs.get(1), 100, 0);
    harness.release(test, TARGET, true);

    rollout(
        "waves: [{name: all, soakSeconds: 2, maxParallel: 2, failureBudget: \"1\","
            + " gate: {maxErrorRatio: 0.05}}]");

    Rollout done = awaitPhase(RolloutPhase.Completed);
    assertThat(tenantState(done, slugs.get(0)).state).isEqualTo(TenantRolloutState.RolledBack);
    assertThat(tenantState(done, slugs.get(0)).reason).isEqualTo(HealthGate.ERROR_RATIO);
    assertThat(tenantState(done, slugs.get(1)).state).isEqualTo(TenantRolloutState.Succeeded);
    assertThat(done.getStatus().failed).isEqualTo(1);
  }

  @Test
  void heldAndPinnedTenantsAreSkippedAndNeverWritten() {
    String held =
        harness.tenant(Tenants.freshSlug("held"), Plan.STARTER, test, Map.of("hold", true)).slug();
    String pinned =
        harness
            .tenant(Tenants.freshSlug("pin"), Plan.STARTER, test, Map.of("appVersion", "1.0.0"))
            .slug();
    List<String> others = tenants(2, Map.of());
    harness.release(test, TARGET, true);
    harness.tenantWritesSinceLastCall();

    rollout("waves: [{name: all, maxParallel: 4}]");

    Rollout done = awaitPhase(RolloutPhase.Completed);
    assertThat(tenantState(done, held).state).isEqualTo(TenantRolloutState.Skipped);
    assertThat(tenantState(done, held).reason).isEqualTo(RolloutPlanner.HELD);
    assertThat(tenantState(done, pinned).state).isEqualTo(TenantRolloutState.Skipped);
    assertThat(tenantState(done, pinned).reason).isEqualTo(RolloutPlanner.PINNED);
    assertThat(harness.tenant(held).getSpec().rolloutVersion).isNull();
    assertThat(harness.tenant(pinned).getSpec().rolloutVersion).isNull();
    assertThat(harness.tenantWritesSinceLastCall()).containsExactlyInAnyOrderElementsOf(others);
  }

  @Test
  void aManualWaveWaitsForPromotion() {
    List<String> slugs = tenants(4, Map.of());
    harness.release(test, TARGET, true);

    rollout(
        """
        waves:
          - {name: canary, canary: {count: 1}}
          - {name: rest, promotion: Manual, maxParallel: 3}
        """);

    Rollout waiting = awaitPhase(RolloutPhase.WaitingForPromotion);
    assertThat(waiting.getStatus().currentWave).isEqualTo(1);
    assertThat(waiting.getStatus().waves.get(1).phase).isEqualTo(WavePhase.Pending);
    assertThat(movedTo(TARGET, slugs)).hasSize(1);

    harness.patchRollout(test, Map.of("promotedThrough", 1));

    awaitPhase(RolloutPhase.Completed);
    assertThat(movedTo(TARGET, slugs)).hasSize(4);
  }

  @Test
  void aPausedRolloutStartsNothingUntilResumed() throws InterruptedException {
    List<String> slugs = tenants(2, Map.of());
    harness.release(test, TARGET, true);

    rollout("paused: true\nwaves: [{name: all}]");

    awaitPhase(RolloutPhase.Paused);
    Thread.sleep(500);
    assertThat(movedTo(TARGET, slugs)).isEmpty();

    harness.patchRollout(test, Map.of("paused", false));

    awaitPhase(RolloutPhase.Completed);
    assertThat(movedTo(TARGET, slugs)).hasSize(2);
  }

  @Test
  void anAbortedRolloutStartsNothingMore() {
    List<String> slugs = tenants(3, Map.of());
    harness.release(test, TARGET, true);

    rollout(
        """
        waves:
          - {name: canary, canary: {count: 1}}
          - {name: rest, promotion: Manual}
        """);
    awaitPhase(RolloutPhase.WaitingForPromotion);
    harness.patchRollout(test, Map.of("aborted", true, "promotedThrough", 1));

    Rollout aborted = awaitPhase(RolloutPhase.Aborted);
    assertThat(aborted.getStatus().waves.get(1).phase).isEqualTo(WavePhase.Pending);
    assertThat(movedTo(TARGET, slugs)).hasSize(1);
  }

  @Test
  void aRestartedOperatorContinuesMidWaveWithoutWritingAnyTenantTwice() {
    List<String> slugs = tenants(4, Map.of());
    harness.release(test, TARGET, true);
    harness.tenantWritesSinceLastCall();

    rollout("waves: [{name: all, maxParallel: 2, soakSeconds: 2}]");
    awaitStatus(
        r -> r.getStatus().done != null && r.getStatus().done >= 1 && r.getStatus().done < 4);
    harness.stopOperator();
    Rollout midWave = harness.rollout(test);
    assertThat(midWave.getStatus().phase).isEqualTo(RolloutPhase.Progressing);

    harness.startOperator();

    Rollout done = awaitPhase(RolloutPhase.Completed);
    assertThat(states(done))
        .as("tenants with their reasons: %s", reasons(done))
        .containsOnly(TenantRolloutState.Succeeded);
    assertThat(harness.tenantWritesSinceLastCall()).containsExactlyInAnyOrderElementsOf(slugs);
  }

  @Test
  void aTenantAlreadyOnTheReleaseIsNeverWritten() {
    List<String> slugs = tenants(2, Map.of("rolloutVersion", TARGET));
    harness.release(test, TARGET, true);
    awaitTemplates(slugs, TARGET);
    harness.tenantWritesSinceLastCall();

    rollout("waves: [{name: all}]");

    Rollout done = awaitPhase(RolloutPhase.Completed);
    assertThat(states(done)).containsOnly(TenantRolloutState.Succeeded);
    assertThat(harness.tenantWritesSinceLastCall()).isEmpty();
  }

  @Test
  void theRolloutIsCountedInMetrics() {
    tenants(2, Map.of());
    harness.release(test, TARGET, true);
    double before = updates("Succeeded");

    rollout("waves: [{name: all, maxParallel: 2}]");

    awaitPhase(RolloutPhase.Completed);
    assertThat(updates("Succeeded") - before).isEqualTo(2.0);
    assertThat(
            harness
                .registry
                .get(RolloutMetrics.PHASE)
                .tags("rollout", test, "phase", "Completed")
                .gauge()
                .value())
        .isEqualTo(1.0);
  }

  private double updates(String result) {
    var counter =
        harness.registry.find(RolloutMetrics.TENANT_UPDATES).tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  // --- helpers

  /** {@code count} tenants of this test, spread over the plans, each app running. */
  private List<String> tenants(int count, Map<String, Object> extra) {
    Plan[] plans = Plan.values();
    List<String> slugs =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    harness
                        .tenant(Tenants.freshSlug("r" + i), plans[i % plans.length], test, extra)
                        .slug())
            .toList();
    awaitTemplates(slugs, null);
    return slugs;
  }

  private void awaitTemplates(List<String> slugs, String version) {
    await()
        .atMost(WITHIN)
        .until(
            () ->
                slugs.stream()
                    .allMatch(
                        s ->
                            harness.fleet.templateChanges().stream()
                                .anyMatch(
                                    c ->
                                        c.startsWith(s + "@")
                                            && (version == null || c.equals(s + "@" + version)))));
  }

  private void rollout(String waves) {
    harness.createRollout(
        """
        apiVersion: tenantry.io/v1alpha1
        kind: Rollout
        metadata: {name: %s}
        spec:
          release: %s
          selector: {matchLabels: {rollout-test: %s}}
        """
                .formatted(test, test, test)
            + waves.indent(2));
  }

  private Rollout awaitPhase(RolloutPhase phase) {
    return awaitStatus(r -> r.getStatus().phase == phase);
  }

  private Rollout awaitStatus(Predicate<Rollout> condition) {
    await()
        .atMost(WITHIN)
        .until(
            () -> {
              Rollout r = harness.rollout(test);
              return r != null
                  && r.getStatus() != null
                  && r.getStatus().phase != null
                  && condition.test(r);
            });
    return harness.rollout(test);
  }

  private List<String> movedTo(String version, List<String> slugs) {
    return harness.fleet.templateChanges().stream()
        .filter(c -> c.endsWith("@" + version))
        .map(c -> c.substring(0, c.indexOf('@')))
        .filter(slugs::contains)
        .toList();
  }

  private static List<TenantRolloutState> states(Rollout rollout) {
    return rollout.getStatus().waves.stream()
        .flatMap(w -> w.tenants.stream())
        .map(t -> t.state)
        .toList();
  }

  private static List<String> reasons(Rollout rollout) {
    return rollout.getStatus().waves.stream()
        .flatMap(w -> w.tenants.stream())
        .map(t -> t.tenant + " " + t.state + " " + t.reason)
        .toList();
  }

  private static TenantRolloutStatus tenantState(Rollout rollout, String slug) {
    return rollout.getStatus().waves.stream()
        .flatMap(w -> w.tenants.stream())
        .filter(t -> t.tenant.equals(slug))
        .findFirst()
        .orElseThrow();
  }

  private static Set<String> members(WaveStatus wave) {
    return new java.util.TreeSet<>(wave.tenants.stream().map(t -> t.tenant).toList());
  }

  private static String sorted(String list) {
    return new java.util.TreeSet<>(List.of(list.substring(1, list.length() - 1).split(", ")))
        .toString();
  }

  private static Condition condition(Rollout rollout, String type) {
    return rollout.getStatus().conditions.stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
