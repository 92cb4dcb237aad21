package io.tenantry.operator;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.tenantry.common.causes.Causes;
import io.tenantry.crds.v1alpha1.DeletionPolicy;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantStatus;
import io.tenantry.operator.app.AppDeployment;
import io.tenantry.operator.app.AppIngress;
import io.tenantry.operator.app.AppService;
import io.tenantry.operator.app.AppVersions;
import io.tenantry.operator.app.EntitlementsConfigMap;
import io.tenantry.operator.app.FirstAdminSecret;
import io.tenantry.operator.app.ServiceAccountDependent;
import io.tenantry.operator.app.SigningKeySecret;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.database.CnpgClusterDependent;
import io.tenantry.operator.database.CnpgVolumes;
import io.tenantry.operator.database.DatabaseCredentialsSecret;
import io.tenantry.operator.database.SharedServerDatabase;
import io.tenantry.operator.metrics.TenantMetrics;
import io.tenantry.operator.namespace.LimitRangeDependent;
import io.tenantry.operator.namespace.NamespaceDependent;
import io.tenantry.operator.namespace.OperatorRoleBinding;
import io.tenantry.operator.namespace.ResourceQuotaDependent;
import io.tenantry.operator.naming.TenantNames;
import io.tenantry.operator.naming.TenantValidator;
import io.tenantry.operator.network.AppIngressPolicy;
import io.tenantry.operator.network.CnpgPolicy;
import io.tenantry.operator.network.DefaultDenyPolicy;
import io.tenantry.operator.network.EgressPolicy;
import io.tenantry.operator.network.SameNamespacePolicy;
import io.tenantry.operator.status.Observation;
import io.tenantry.operator.status.StatusAggregator;
import io.tenantry.operator.status.TenantObserver;
import io.tenantry.operator.workflow.CloudNativePgMode;
import io.tenantry.operator.workflow.Dependents;
import io.tenantry.operator.workflow.NotSuspended;
import io.tenantry.operator.workflow.SharedServerMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stamps out a tenant's isolated stack. The workflow runs only for a Tenant that passes validation
 * (explicit invocation), so an invalid one gets a Failed status and nothing else.
 *
 * <p>Objects of one database mode only are gated by a reconcile precondition when every cluster has
 * their type (the credentials Secret, the CNPG NetworkPolicy): JOSDK 5.3 starts an activated
 * dependent's informer again on every reconcile, which re-indexes its whole cache, and at 1000
 * tenants that was a fifth of the operator's CPU. An activation condition is kept where the type
 * may not exist (the CNPG Cluster) or where the event source polls a server the other mode does not
 * have (the shared-server database).
 */
@ControllerConfiguration(name = "tenant")
@Workflow(
    explicitInvocation = true,
    handleExceptionsInReconciler = true,
    dependents = {
      @Dependent(name = Dependents.NAMESPACE, type = NamespaceDependent.class),
      // The operator's rights in the namespace: everything else there waits for it.
      @Dependent(
          name = Dependents.OPERATOR_ACCESS,
          type = OperatorRoleBinding.class,
          dependsOn = Dependents.NAMESPACE),
      @Dependent(
          name = Dependents.QUOTA,
          type = ResourceQuotaDependent.class,
          dependsOn = Dependents.OPERATOR_ACCESS),
      @Dependent(
          name = Dependents.LIMITS,
          type = LimitRangeDependent.class,
          dependsOn = Dependents.OPERATOR_ACCESS),
      @Dependent(
          name = Dependents.DEFAULT_DENY,
          type = DefaultDenyPolicy.class,
          dependsOn = Dependents.OPERATOR_ACCESS),
      @Dependent(
          name = Dependents.SAME_NAMESPACE,
          type = SameNamespacePolicy.class,
          dependsOn = Dependents.DEFAULT_DENY),
      @Dependent(
          name = Dependents.APP_INGRESS,
          type = AppIngressPolicy.class,
          dependsOn = Dependents.DEFAULT_DENY),
      @Dependent(
          name = Dependents.EGRESS,
          type = EgressPolicy.class,
          dependsOn = Dependents.DEFAULT_DENY),
      @Dependent(
          name = Dependents.CNPG_POLICY,
          type = CnpgPolicy.class,
          dependsOn = Dependents.DEFAULT_DENY,
          reconcilePrecondition = CloudNativePgMode.class),
      @Dependent(
          name = Dependents.SERVICE_ACCOUNT,
          type = ServiceAccountDependent.class,
          dependsOn = Dependents.OPERATOR_ACCESS),
      @Dependent(
          name = Dependents.DB_CREDENTIALS,
          type = DatabaseCredentialsSecret.class,
          dependsOn = Dependents.OPERATOR_ACCESS,
          reconcilePrecondition = SharedServerMode.class),
      @Dependent(
          name = Dependents.DATABASE,
          type = SharedServerDatabase.class,
          dependsOn = Dependents.DB_CREDENTIALS,
          activationCondition = SharedServerMode.class),
      @Dependent(
          name = Dependents.CNPG_CLUSTER,
          type = CnpgClusterDependent.class,
          dependsOn = {Dependents.QUOTA, Dependents.CNPG_POLICY},
          activationCondition = CloudNativePgMode.class),
      @Dependent(
          name = Dependents.SIGNING_KEY,
          type = SigningKeySecret.class,
          dependsOn = Dependents.OPERATOR_ACCESS),
      @Dependent(
          name = Dependents.FIRST_ADMIN,
          type = FirstAdminSecret.class,
          dependsOn = Dependents.OPERATOR_ACCESS),
      @Dependent(
          name = Dependents.ENTITLEMENTS,
          type = EntitlementsConfigMap.class,
          dependsOn = Dependents.OPERATOR_ACCESS),
      @Dependent(
          name = Dependents.DEPLOYMENT,
          type = AppDeployment.class,
          dependsOn = {
            Dependents.QUOTA,
            Dependents.LIMITS,
            Dependents.DEFAULT_DENY,
            Dependents.SERVICE_ACCOUNT,
            Dependents.SIGNING_KEY,
            Dependents.FIRST_ADMIN,
            Dependents.ENTITLEMENTS
          }),
      @Dependent(
          name = Dependents.SERVICE,
          type = AppService.class,
          dependsOn = Dependents.DEPLOYMENT),
      @Dependent(
          name = Dependents.INGRESS,
          type = AppIngress.class,
          dependsOn = Dependents.SERVICE,
          reconcilePrecondition = NotSuspended.class),
    })
public class TenantReconciler implements Reconciler<Tenant>, Cleaner<Tenant> {

  private final TenantValidator validator;
  private final TenantObserver observer;
  private final TenantMetrics metrics;
  private final OperatorConfig config;

  TenantReconciler(
      TenantValidator validator,
      TenantObserver observer,
      TenantMetrics metrics,
      OperatorConfig config) {
    this.validator = validator;
    this.observer = observer;
    this.metrics = metrics;
    this.config = config;
  }

  @Override
  public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) throws Exception {
    return metrics.reconcile(tenant.slug(), () -> reconcileStack(tenant, context));
  }

  private UpdateControl<Tenant> reconcileStack(Tenant tenant, Context<Tenant> context) {
    List<String> problems = validator.problems(tenant);
    if (!problems.isEmpty()) {
      metrics.failed(tenant.slug(), StatusAggregator.INVALID_SPEC);
      TenantStatus invalid = status(tenant, Observation.invalid(problems));
      // Nothing was reconciled, so what runs is what ran before.
      invalid.appVersion = StatusAggregator.appVersion(tenant.getStatus(), Optional.empty());
      return patchIfChanged(tenant, invalid);
    }
    Map<String, Exception> failures = reconcileWorkflow(context);
    Observation seen = observer.observe(tenant, context, failures);
    metrics.isolationFailures(tenant.slug(), seen.isolationFailures());
    TenantStatus status = status(tenant, seen);
    status.appVersion =
        StatusAggregator.appVersion(
            tenant.getStatus(),
            context.getSecondaryResource(Deployment.class).flatMap(AppVersions::rolledOut));
    if (!failures.isEmpty()) {
      // Thrown so that JOSDK retries with backoff; updateErrorStatus writes this status.
      throw new StackNotReconciledException(status, failures);
    }
    return patchIfChanged(tenant, status);
  }

  /** Runs the workflow; returns the exception of each dependent that failed, by name. */
  private static Map<String, Exception> reconcileWorkflow(Context<Tenant> context) {
    try {
      Map<String, Exception> failures = new TreeMap<>();
      context
          .managedWorkflowAndDependentResourceContext()
          .reconcileManagedWorkflow()
          .getErroredDependents()
          .forEach((dependent, e) -> failures.put(dependent.name(), e));
      return failures;
    } catch (AggregatedOperatorException e) {
      // With QOSDK 7.7.3 failures arrive thrown even with handleExceptionsInReconciler set.
      return new TreeMap<>(e.getAggregatedExceptions());
    }
  }

  @Override
  public ErrorStatusUpdateControl<Tenant> updateErrorStatus(
      Tenant tenant, Context<Tenant> context, Exception e) {
    // JOSDK's metrics wrap what reconcile threw, so look down the cause chain.
    StackNotReconciledException failure =
        Causes.find(e, StackNotReconciledException.class).orElse(null);
    if (failure == null) {
      metrics.failed(tenant.slug(), StatusAggregator.RECONCILE_FAILED);
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    metrics.failed(tenant.slug(), failure.reason());
    return StatusAggregator.unchanged(tenant.getStatus(), failure.status())
        ? ErrorStatusUpdateControl.noStatusUpdate()
        : ErrorStatusUpdateControl.patchStatus(withStatus(tenant, failure.status()));
  }

  @Override
  public DeleteControl cleanup(Tenant tenant, Context<Tenant> context) {
    markTerminating(tenant, context);
    if (validator.hasUsableName(tenant) && retainsCnpgVolumes(tenant)) {
      CnpgVolumes.retain(tenant, context.getClient());
    }
    if (validator.hasUsableName(tenant)) {
      context
          .managedWorkflowAndDependentResourceContext()
          .cleanupManageWorkflow()
          .throwAggregateExceptionIfErrorsPresent();
    }
    metrics.forget(tenant.slug());
    return DeleteControl.defaultDelete();
  }

  /** In cloudnative-pg mode the data outlives the namespace only on volumes marked Retain. */
  private boolean retainsCnpgVolumes(Tenant tenant) {
    return config.database().cloudNativePg()
        && (tenant.getSpec() == null || tenant.getSpec().deletionPolicy != DeletionPolicy.Delete);
  }

  /**
   * Tells {@code kubectl get tenants} that the stack is being torn down, which can take a while (or
   * be retried for long, e.g. while the database server is unreachable).
   */
  private static void markTerminating(Tenant tenant, Context<Tenant> context) {
    if (tenant.getStatus() != null && tenant.getStatus().phase == Phase.Terminating) {
      return;
    }
    TenantStatus terminating = StatusAggregator.terminating(tenant.getStatus());
    context.getClient().resource(withStatus(tenant, terminating)).patchStatus();
  }

  private TenantStatus status(Tenant tenant, Observation observation) {
    String url =
        config.ingress().urlScheme()
            + "://"
            + TenantNames.host(tenant, config.baseDomain())
            + config.ingress().urlPort().map(port -> ":" + port).orElse("");
    return StatusAggregator.aggregate(tenant, observation, url, Instant.now());
  }

  private static UpdateControl<Tenant> patchIfChanged(Tenant tenant, TenantStatus next) {
    return StatusAggregator.unchanged(tenant.getStatus(), next)
        ? UpdateControl.noUpdate()
        : UpdateControl.patchStatus(withStatus(tenant, next));
  }

  /** A minimal Tenant carrying only what the status patch needs. */
  private static Tenant withStatus(Tenant tenant, TenantStatus status) {
    Tenant patch = new Tenant();
    patch.getMetadata().setName(tenant.getMetadata().getName());
    patch.setStatus(status);
    return patch;
  }
}
