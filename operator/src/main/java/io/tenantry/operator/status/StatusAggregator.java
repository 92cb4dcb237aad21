package io.tenantry.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.tenantry.common.causes.Causes;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantStatus;
import io.tenantry.operator.database.DatabaseFailure;
import io.tenantry.operator.database.DatabaseUnreachableException;
import io.tenantry.operator.database.RetainedDatabaseException;
import io.tenantry.operator.workflow.Dependents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Status = standard conditions + a phase derived from them. A condition keeps its {@code
 * lastTransitionTime} unless its status really changed, so an unchanged stack yields an equal
 * status and nothing is written.
 */
public final class StatusAggregator {

  public static final String NAMESPACE_READY = "NamespaceReady";
  public static final String NETWORK_ISOLATED = "NetworkIsolated";
  public static final String DATABASE_READY = "DatabaseReady";
  public static final String APP_AVAILABLE = "AppAvailable";
  public static final String INGRESS_READY = "IngressReady";
  public static final String ISOLATION_VERIFIED = "IsolationVerified";
  public static final String READY = "Ready";

  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String DATABASE_UNREACHABLE = DatabaseUnreachableException.REASON;
  public static final String RETAINED_DATABASE = RetainedDatabaseException.REASON;
  public static final String RECONCILE_FAILED = "ReconcileFailed";
  public static final String SUSPENDED = "Suspended";

  /** The workflow dependents whose failure a condition reports (see {@link Dependents}). */
  static final Map<String, Set<String>> DEPENDENTS_OF =
      Map.of(
          NAMESPACE_READY,
              Set.of(
                  Dependents.NAMESPACE,
                  Dependents.OPERATOR_ACCESS,
                  Dependents.QUOTA,
                  Dependents.LIMITS),
          NETWORK_ISOLATED,
              Set.of(
                  Dependents.DEFAULT_DENY,
                  Dependents.SAME_NAMESPACE,
                  Dependents.APP_INGRESS,
                  Dependents.EGRESS,
                  Dependents.CNPG_POLICY),
          DATABASE_READY,
              Set.of(Dependents.DB_CREDENTIALS, Dependents.DATABASE, Dependents.CNPG_CLUSTER),
          APP_AVAILABLE,
              Set.of(
                  Dependents.SERVICE_ACCOUNT,
                  Dependents.SIGNING_KEY,
                  Dependents.FIRST_ADMIN,
                  Dependents.ENTITLEMENTS,
                  Dependents.DEPLOYMENT,
                  Dependents.SERVICE),
          INGRESS_READY, Set.of(Dependents.INGRESS));

  private StatusAggregator() {}

  /** {@code previous} with phase Terminating: the last observation stays readable meanwhile. */
  public static TenantStatus terminating(TenantStatus previous) {
    TenantStatus status = new TenantStatus();
    if (previous != null) {
      status.conditions = new ArrayList<>(previous.conditions);
      status.url = previous.url;
      status.appVersion = previous.appVersion;
      status.observedGeneration = previous.observedGeneration;
    }
    status.phase = Phase.Terminating;
    return status;
  }

  /** The status {@code tenant} should have after this reconcile. */
  public static TenantStatus aggregate(Tenant tenant, Observation seen, String url, Instant now) {
    long generation = Optional.ofNullable(tenant.getMetadata().getGeneration()).orElse(0L);
    List<Condition> previous =
        tenant.getStatus() == null ? List.of() : tenant.getStatus().conditions;
    Conditions conditions = new Conditions(previous, generation, now);
    if (!seen.problems().isEmpty()) {
      return invalid(conditions, seen.problems(), generation);
    }
    boolean suspended = tenant.getSpec().isSuspended();
    setFoundation(conditions, seen);
    if (suspended) {
      setSuspended(conditions);
    } else {
      setServing(conditions, seen);
    }
    TenantStatus status = new TenantStatus();
    status.observedGeneration = generation;
    status.conditions = conditions.list();
    status.phase = phase(conditions, suspended, !seen.failures().isEmpty());
    status.url = suspended ? null : url;
    return status;
  }

  /** An invalid spec: only {@code Ready=False}, phase Failed, nothing else reconciled. */
  private static TenantStatus invalid(Conditions conditions, List<String> problems, long gen) {
    conditions.set(READY, false, INVALID_SPEC, String.join("; ", problems));
    TenantStatus status = new TenantStatus();
    status.observedGeneration = gen;
    status.conditions = conditions.list();
    status.phase = Phase.Failed;
    return status;
  }

  /** What a tenant keeps while suspended: its namespace, its isolation and its data. */
  private static void setFoundation(Conditions conditions, Observation seen) {
    set(conditions, seen, NAMESPACE_READY, seen.namespaceExists(), "NamespaceCreated");
    set(conditions, seen, NETWORK_ISOLATED, seen.policiesExist(), "PoliciesApplied");
    set(conditions, seen, DATABASE_READY, seen.databaseExists(), "DatabaseProvisioned");
    setIsolation(conditions, seen.isolationFailures());
  }

  /** The isolation checks of the stack as read back, naming each that fails. */
  private static void setIsolation(Conditions conditions, List<String> failing) {
    if (failing.isEmpty()) {
      conditions.set(ISOLATION_VERIFIED, true, "AllChecksPassed", "");
    } else {
      conditions.set(
          ISOLATION_VERIFIED,
          false,
          "IsolationCheckFailed",
          "failing: " + String.join(", ", failing));
    }
  }

  private static void setSuspended(Conditions conditions) {
    conditions.set(APP_AVAILABLE, false, SUSPENDED, "the tenant is suspended");
    conditions.set(INGRESS_READY, false, SUSPENDED, "the tenant is suspended");
    conditions.set(READY, false, SUSPENDED, "the tenant is suspended");
  }

  /** The app and its route, then Ready when every component condition is true. */
  private static void setServing(Conditions conditions, Observation seen) {
    boolean available = seen.availableReplicas() > 0;
    set(conditions, seen, APP_AVAILABLE, available, "MinimumReplicasAvailable");
    // Why the replica does not run, in the Deployment's words, unless a dependent failed.
    if (!available && !failed(seen, APP_AVAILABLE) && seen.appFailure().isPresent()) {
      conditions.replace(
          APP_AVAILABLE, seen.appFailure().get().reason(), seen.appFailure().get().message());
    }
    set(conditions, seen, INGRESS_READY, seen.ingressExists(), "IngressCreated");
    List<String> waiting = conditions.falseOnes();
    if (waiting.isEmpty()) {
      conditions.set(READY, true, "AllComponentsReady", "the tenant is serving");
    } else {
      conditions.set(
          READY, false, "ComponentsNotReady", "waiting for " + String.join(", ", waiting));
    }
  }

  static Phase phase(Conditions conditions, boolean suspended, boolean failing) {
    if (failing) {
      return Phase.Degraded;
    }
    if (conditions.isTrue(READY)) {
      return Phase.Ready;
    }
    if (suspended
        && conditions.isTrue(NAMESPACE_READY)
        && conditions.isTrue(NETWORK_ISOLATED)
        && conditions.isTrue(DATABASE_READY)) {
      return Phase.Suspended;
    }
    return Phase.Provisioning;
  }

  /**
   * The version the tenant runs: the Deployment's once it runs only its template, else the one
   * reported before (during an update the old pods still serve the old version).
   */
  public static String appVersion(TenantStatus previous, Optional<String> rolledOut) {
    return rolledOut.orElse(previous == null ? null : previous.appVersion);
  }

  /** True when writing {@code next} would change nothing the tenant already shows. */
  public static boolean unchanged(TenantStatus current, TenantStatus next) {
    return current != null
        && current.phase == next.phase
        && Objects.equals(current.url, next.url)
        && Objects.equals(current.appVersion, next.appVersion)
        && Objects.equals(current.observedGeneration, next.observedGeneration)
        && Objects.equals(current.conditions, next.conditions);
  }

  private static boolean failed(Observation seen, String type) {
    return seen.failures().keySet().stream().anyMatch(DEPENDENTS_OF.get(type)::contains);
  }

  private static void set(
      Conditions conditions, Observation seen, String type, boolean ok, String okReason) {
    Optional<Exception> failure =
        seen.failures().entrySet().stream()
            .filter(entry -> DEPENDENTS_OF.get(type).contains(entry.getKey()))
            .map(Map.Entry::getValue)
            .findFirst();
    if (failure.isPresent()) {
      // A database failure names its own reason (the server is unreachable, a retained database).
      Optional<DatabaseFailure> known = Causes.find(failure.get(), DatabaseFailure.class);
      String message =
          known
              .map(Throwable::getMessage)
              .orElseGet(
                  () -> Objects.requireNonNullElse(failure.get().getMessage(), "reconcile failed"));
      conditions.set(
          type, false, known.map(DatabaseFailure::reason).orElse(RECONCILE_FAILED), message);
    } else {
      conditions.set(type, ok, ok ? okReason : "Pending", ok ? "" : "not created yet");
    }
  }

  /** The condition list being built, seeded with the previous conditions. */
  static final class Conditions {
    private final List<Condition> previous;
    private final List<Condition> next = new ArrayList<>();
    private final long generation;
    private final String now;

    Conditions(List<Condition> previous, long generation, Instant now) {
      this.previous = previous == null ? List.of() : previous;
      this.generation = generation;
      this.now = now.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    void set(String type, boolean ok, String reason, String message) {
      String status = ok ? "True" : "False";
      String since =
          previous.stream()
              .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
              .map(Condition::getLastTransitionTime)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(now);
      next.add(
          new ConditionBuilder()
              .withType(type)
              .withStatus(status)
              .withReason(reason)
              .withMessage(message)
              .withObservedGeneration(generation)
              .withLastTransitionTime(since)
              .build());
    }

    /** A false condition already set, with another reason and message. */
    void replace(String type, String reason, String message) {
      int index = 0;
      while (!type.equals(next.get(index).getType())) {
        index++;
      }
      next.remove(index);
      set(type, false, reason, message);
      next.add(index, next.remove(next.size() - 1));
    }

    boolean isTrue(String type) {
      return next.stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    List<String> falseOnes() {
      return next.stream()
          .filter(c -> !"True".equals(c.getStatus()))
          .map(Condition::getType)
          .toList();
    }

    List<Condition> list() {
      return List.copyOf(next);
    }
  }
}
