package io.tenantry.operator.namespace;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import io.tenantry.operator.workflow.FetchedDependent;
import jakarta.inject.Inject;

/**
 * RoleBinding {@code tenantry-operator} in the tenant namespace: the operator's own ServiceAccount
 * bound to the ClusterRole that holds its rights inside one tenant namespace. It is written right
 * after the namespace and before anything else there (every other dependent of the namespace
 * depends on it), because until it exists the operator may not write in that namespace at all; it
 * goes with the namespace.
 *
 * <p>Cluster-wide the operator may create RoleBindings and {@code bind} only that ClusterRole, so
 * this is the only binding it can make. It is fetched by name (RBAC can then limit reading to this
 * one name) and only created: a roleRef cannot change, and a binding deleted behind the operator's
 * back is created again at the tenant's next reconcile.
 */
public class OperatorRoleBinding extends FetchedDependent<RoleBinding> {

  public static final String NAME = "tenantry-operator";

  @Inject OperatorConfig config;

  public OperatorRoleBinding() {
    super(RoleBinding.class, NAME);
  }

  @Override
  protected RoleBinding desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, config.access());
  }

  public static RoleBinding build(Tenant tenant, OperatorConfig.Access access) {
    return new RoleBindingBuilder()
        .withMetadata(TenantNames.metadata(tenant, NAME))
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole")
        .withName(access.clusterRole())
        .endRoleRef()
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(access.serviceAccount())
        .withNamespace(access.serviceAccountNamespace())
        .endSubject()
        .build();
  }
}
