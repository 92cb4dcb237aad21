package io.tenantry.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantStatus;
import io.tenantry.operator.database.DatabaseUnreachableException;
import io.tenantry.operator.support.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {

  @Test
  void theRunningVersionIsTheRolledOutOneElseTheOneReportedBefore() {
    TenantStatus before = new TenantStatus();
    before.appVersion = "1.0.0";

    assertThat(StatusAggregator.appVersion(before, java.util.Optional.of("2.0.0")))
        .isEqualTo("2.0.0");
    assertThat(StatusAggregator.appVersion(before, java.util.Optional.empty())).isEqualTo("1.0.0");
    assertThat(StatusAggregator.appVersion(null, java.util.Optional.empty())).isNull();
  }

  @Test
  void aNewRunningVersionIsAStatusChange() {
    TenantStatus current = new TenantStatus();
    current.appVersion = "1.0.0";
    TenantStatus next = new TenantStatus();
    next.appVersion = "2.0.0";

    assertThat(StatusAggregator.unchanged(current, next)).isFalse();
  }

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");
  private static final String URL = "https://acme.tenants.tenantry.io";

  private final Tenant tenant = Tenants.stored("acme", Plan.FREE);

  @Test
  void everythingPresentAndAvailableIsReady() {
    TenantStatus status = StatusAggregator.aggregate(tenant, healthy(), URL, T0);

    assertThat(status.phase).isEqualTo(Phase.Ready);
    assertThat(status.url).isEqualTo(URL);
    assertThat(status.observedGeneration).isEqualTo(1L);
    assertThat(status.conditions)
        .extracting(Condition::getType)
        .containsExactly(
            "NamespaceReady",
            "NetworkIsolated",
            "DatabaseReady",
            "IsolationVerified",
            "AppAvailable",
            "IngressReady",
            "Ready");
    assertThat(status.conditions)
        .allSatisfy(
            c -> {
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getObservedGeneration()).isEqualTo(1L);
            });
  }

  @Test
  void unchangedStackYieldsAnEqualStatusSoNothingIsWritten() {
    TenantStatus first = StatusAggregator.aggregate(tenant, healthy(), URL, T0);
    tenant.setStatus(first);

    TenantStatus second = StatusAggregator.aggregate(tenant, healthy(), URL, T1);

    assertThat(StatusAggregator.unchanged(first, second)).isTrue();
    assertThat(second.conditions)
        .allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z"));
  }

  @Test
  void lastTransitionTimeMovesOnlyForTheConditionThatFlipped() {
    tenant.setStatus(StatusAggregator.aggregate(tenant, healthy(), URL, T0));

    TenantStatus next = StatusAggregator.aggregate(tenant, withReplicas(0), URL, T1);

    assertThat(condition(next, "AppAvailable").getStatus()).isEqualTo("False");
    assertThat(condition(next, "AppAvailable").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:05:00Z");
    assertThat(condition(next, "NamespaceReady").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:00:00Z");
    assertThat(next.phase).isEqualTo(Phase.Provisioning);
  }

  @Test
  void unreachableDatabaseIsDegradedWithReasonDatabaseUnreachable() {
    Observation seen =
        new Observation(
            List.of(),
            true,
            true,
            false,
            1,
            true,
            Map.of(
                "database",
                new DatabaseUnreachableException("cannot reach database server db:5432", null)));

    TenantStatus status = StatusAggregator.aggregate(tenant, seen, URL, T0);

    assertThat(status.phase).isEqualTo(Phase.Degraded);
    assertThat(condition(status, "DatabaseReady").getStatus()).isEqualTo("False");
    assertThat(condition(status, "DatabaseReady").getReason()).isEqualTo("DatabaseUnreachable");
    assertThat(condition(status, "DatabaseReady").getMessage())
        .isEqualTo("cannot reach database server db:5432");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
  }

  @Test
  void aFailingIsolationCheckIsNamedAndKeepsTheTenantFromReady() {
    Observation seen =
        new Observation(
            List.of(),
            true,
            true,
            true,
            1,
            true,
            Map.of(),
            java.util.Optional.empty(),
            List.of("default-deny", "no-foreign-peer"));

    TenantStatus status = StatusAggregator.aggregate(tenant, seen, URL, T0);

    assertThat(condition(status, "IsolationVerified").getStatus()).isEqualTo("False");
    assertThat(condition(status, "IsolationVerified").getReason())
        .isEqualTo("IsolationCheckFailed");
    assertThat(condition(status, "IsolationVerified").getMessage())
        .isEqualTo("failing: default-deny, no-foreign-peer");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getMessage()).contains("IsolationVerified");
  }

  @Test
  void suspendedTenantIsSuspendedWithoutUrl() {
    tenant.getSpec().suspended = true;

    TenantStatus status = StatusAggregator.aggregate(tenant, withReplicas(0), URL, T0);

    assertThat(status.phase).isEqualTo(Phase.Suspended);
    assertThat(status.url).isNull();
    assertThat(condition(status, "AppAvailable").getReason()).isEqualTo("Suspended");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("Suspended");
  }

  @Test
  void invalidSpecFailsWithTheProblemsAndNoOtherCondition() {
    TenantStatus status =
        StatusAggregator.aggregate(
            tenant, Observation.invalid(List.of("spec.plan must be one of …")), URL, T0);

    assertThat(status.phase).isEqualTo(Phase.Failed);
    assertThat(status.conditions)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getReason()).isEqualTo("InvalidSpec");
              assertThat(c.getMessage()).isEqualTo("spec.plan must be one of …");
            });
  }

  @Test
  void terminatingKeepsTheLastObservationReadableUnderPhaseTerminating() {
    TenantStatus ready = StatusAggregator.aggregate(tenant, healthy(), URL, T0);

    TenantStatus terminating = StatusAggregator.terminating(ready);

    assertThat(terminating.phase).isEqualTo(Phase.Terminating);
    assertThat(terminating.conditions).isEqualTo(ready.conditions);
    assertThat(terminating.url).isEqualTo(URL);
    assertThat(terminating.observedGeneration).isEqualTo(1L);
    assertThat(ready.phase).as("the observed status is not modified").isEqualTo(Phase.Ready);
  }

  @Test
  void tenantDeletedBeforeItsFirstStatusIsTerminatingWithoutConditions() {
    TenantStatus terminating = StatusAggregator.terminating(null);

    assertThat(terminating.phase).isEqualTo(Phase.Terminating);
    assertThat(terminating.conditions).isEmpty();
  }

  @Test
  void newGenerationIsAChangeEvenWhenNothingElseIs() {
    tenant.setStatus(StatusAggregator.aggregate(tenant, healthy(), URL, T0));
    tenant.getMetadata().setGeneration(2L);

    TenantStatus next = StatusAggregator.aggregate(tenant, healthy(), URL, T1);

    assertThat(StatusAggregator.unchanged(tenant.getStatus(), next)).isFalse();
    assertThat(next.observedGeneration).isEqualTo(2L);
  }

  @Test
  void aReplicaThatCannotRunNamesTheDeploymentsReasonInAppAvailable() {
    Observation seen =
        new Observation(
            List.of(),
            true,
            true,
            true,
            0,
            true,
            Map.of(),
            java.util.Optional.of(
                new Observation.AppFailure("ErrImagePull", "failed to pull image \"x:1\"")),
            List.of());

    TenantStatus status = StatusAggregator.aggregate(tenant, seen, URL, T0);

    Condition app = condition(status, "AppAvailable");
    assertThat(app.getStatus()).isEqualTo("False");
    assertThat(app.getReason()).isEqualTo("ErrImagePull");
    assertThat(app.getMessage()).isEqualTo("failed to pull image \"x:1\"");
    assertThat(status.conditions)
        .extracting(Condition::getType)
        .containsExactly(
            "NamespaceReady",
            "NetworkIsolated",
            "DatabaseReady",
            "IsolationVerified",
            "AppAvailable",
            "IngressReady",
            "Ready");
    assertThat(condition(status, "Ready").getMessage()).isEqualTo("waiting for AppAvailable");
    assertThat(status.phase).isEqualTo(Phase.Provisioning);
  }

  private static Observation healthy() {
    return withReplicas(1);
  }

  private static Observation withReplicas(int replicas) {
    return new Observation(List.of(), true, true, true, replicas, true, Map.of());
  }

  private static Condition condition(TenantStatus status, String type) {
    return status.conditions.stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
