package io.tenantry.operator.namespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.metrics.IsolationDependent;
import io.tenantry.operator.naming.TenantNames;
import java.util.Map;
import java.util.TreeMap;

/** {@code tenant-<slug>}, where Pod Security Admission enforces the restricted profile. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class NamespaceDependent extends IsolationDependent<Namespace> {

  public NamespaceDependent() {
    super(Namespace.class);
  }

  @Override
  protected Namespace desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant);
  }

  public static Namespace build(Tenant tenant) {
    Map<String, String> labels =
        new TreeMap<>(TenantNames.labels(tenant, TenantNames.NAMESPACE_COMPONENT));
    for (String mode : new String[] {"enforce", "audit", "warn"}) {
      labels.put(TenantNames.POD_SECURITY_LABEL_PREFIX + mode, "restricted");
      labels.put(TenantNames.POD_SECURITY_LABEL_PREFIX + mode + "-version", "latest");
    }
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(TenantNames.namespace(tenant))
        .withLabels(labels)
        .endMetadata()
        .build();
  }
}
