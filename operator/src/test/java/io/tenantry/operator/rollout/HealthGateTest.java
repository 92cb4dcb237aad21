package io.tenantry.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.tenantry.crds.v1alpha1.Gate;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantRolloutState;
import io.tenantry.crds.v1alpha1.TenantRolloutStatus;
import io.tenantry.operator.app.AppDeployment;
import io.tenantry.operator.rollout.HealthGate.Rules;
import io.tenantry.operator.rollout.HealthGate.Verdict;
import io.tenantry.operator.rollout.TenantSignals.Signals;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One tenant's verdict on its way to the target version. */
class HealthGateTest {

  private static final String TARGET = "2.0.0";
  private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
  private static final Rules SOAK_60 =
      new Rules(Duration.ofSeconds(60), Duration.ofMinutes(10), new Gate());
  private static final Optional<Signals> QUIET =
      Optional.of(new Signals(0, OptionalDouble.of(100)));

  @Test
  void anUpdatingTenantWaitsUntilItsDeploymentRunsTheTarget() {
    Verdict verdict = judge(TenantRolloutState.Updating, app("1.0.0", true), NOW, SOAK_60, QUIET);

    assertThat(verdict.changes()).isFalse();
  }

  @Test
  void anUpdatingTenantRunningTheTargetStartsToSoak() {
    Verdict verdict = judge(TenantRolloutState.Updating, app(TARGET, true), NOW, SOAK_60, QUIET);

    assertThat(verdict.next()).isEqualTo(TenantRolloutState.Soaking);
  }

  @Test
  void withoutSoakItSucceedsAsSoonAsItRunsTheTarget() {
    Rules noSoak = new Rules(Duration.ZERO, Duration.ofMinutes(10), new Gate());
    Verdict verdict = judge(TenantRolloutState.Updating, app(TARGET, true), NOW, noSoak, QUIET);

    assertThat(verdict.next()).isEqualTo(TenantRolloutState.Succeeded);
  }

  @Test
  void anUpdateThatTakesLongerThanTheTimeoutFails() {
    Instant since = NOW.minus(Duration.ofMinutes(11));
    Verdict verdict = judge(TenantRolloutState.Updating, app("1.0.0", true), since, SOAK_60, QUIET);

    assertThat(verdict)
        .isEqualTo(new Verdict(TenantRolloutState.Failed, HealthGate.UPDATE_TIMEOUT));
  }

  @Test
  void aProgressDeadlineExceededOnTheTargetTemplateFails() {
    Deployment app = app(TARGET, false);
    app.getStatus()
        .getConditions()
        .add(
            new io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder()
                .withType("Progressing")
                .withStatus("False")
                .withReason("ProgressDeadlineExceeded")
                .build());

    Verdict verdict = judge(TenantRolloutState.Updating, app, NOW, SOAK_60, QUIET);

    assertThat(verdict)
        .isEqualTo(new Verdict(TenantRolloutState.Failed, "ProgressDeadlineExceeded"));
  }

  @Test
  void aSoakingTenantThatStopsBeingAvailableFails() {
    Verdict verdict = judge(TenantRolloutState.Soaking, app(TARGET, false), NOW, SOAK_60, QUIET);

    assertThat(verdict).isEqualTo(new Verdict(TenantRolloutState.Failed, HealthGate.NOT_AVAILABLE));
  }

  @Test
  void aSoakingTenantAboveTheErrorRatioFails() {
    Optional<Signals> errors = Optional.of(new Signals(0.2, OptionalDouble.of(100)));
    Verdict verdict = judge(TenantRolloutState.Soaking, app(TARGET, true), NOW, SOAK_60, errors);

    assertThat(verdict).isEqualTo(new Verdict(TenantRolloutState.Failed, HealthGate.ERROR_RATIO));
  }

  @Test
  void aSoakingTenantAboveTheLatencyFails() {
    Optional<Signals> slow = Optional.of(new Signals(0, OptionalDouble.of(2500)));
    Verdict verdict = judge(TenantRolloutState.Soaking, app(TARGET, true), NOW, SOAK_60, slow);

    assertThat(verdict).isEqualTo(new Verdict(TenantRolloutState.Failed, HealthGate.LATENCY));
  }

  @Test
  void unreadableSignalsAreNoEvidenceOfFailure() {
    Verdict verdict =
        judge(TenantRolloutState.Soaking, app(TARGET, true), NOW, SOAK_60, Optional.empty());

    assertThat(verdict.changes()).isFalse();
  }

  @Test
  void aTenantHealthyForTheWholeSoakSucceeds() {
    Instant since = NOW.minus(Duration.ofSeconds(61));
    Verdict verdict = judge(TenantRolloutState.Soaking, app(TARGET, true), since, SOAK_60, QUIET);

    assertThat(verdict.next()).isEqualTo(TenantRolloutState.Succeeded);
  }

  @Test
  void signalsAreReadOnlyWhileSoaking() {
    AtomicInteger reads = new AtomicInteger();
    TenantRolloutStatus entry = entry(TenantRolloutState.Updating);

    HealthGate.judge(
        entry,
        Optional.of(app(TARGET, true)),
        TARGET,
        NOW,
        SOAK_60,
        () -> {
          reads.incrementAndGet();
          return QUIET;
        },
        NOW);

    assertThat(reads).hasValue(0);
  }

  private static Verdict judge(
      TenantRolloutState state,
      Deployment app,
      Instant since,
      Rules rules,
      Optional<Signals> signals) {
    return HealthGate.judge(
        entry(state), Optional.of(app), TARGET, since, rules, () -> signals, NOW);
  }

  private static TenantRolloutStatus entry(TenantRolloutState state) {
    TenantRolloutStatus entry = new TenantRolloutStatus();
    entry.tenant = "acme";
    entry.state = state;
    return entry;
  }

  /** The tenant's Deployment on {@code version}, all replicas available or none. */
  private static Deployment app(String version, boolean available) {
    Tenant tenant = Tenants.stored("acme", Plan.FREE);
    tenant.getSpec().rolloutVersion = version;
    Deployment app = AppDeployment.build(tenant, TestConfig.shipped());
    app.getMetadata().setGeneration(3L);
    app.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(3L)
            .withReplicas(1)
            .withUpdatedReplicas(1)
            .withAvailableReplicas(available ? 1 : 0)
            .withConditions(new java.util.ArrayList<>())
            .build());
    return app;
  }
}
