package io.tenantry.operator;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.tenantry.crds.v1alpha1.Phase;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantStatus;
import java.util.Objects;

/** Placeholder until the tenant workflow lands: acknowledges every Tenant as Pending. */
@ControllerConfiguration(name = "tenant")
public class TenantReconciler implements Reconciler<Tenant> {

  @Override
  public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) {
    Long generation = tenant.getMetadata().getGeneration();
    TenantStatus current = tenant.getStatus();
    if (current != null && Objects.equals(current.observedGeneration, generation)) {
      return UpdateControl.noUpdate();
    }
    Tenant patch = new Tenant();
    patch.setMetadata(tenant.getMetadata());
    patch.setStatus(new TenantStatus());
    patch.getStatus().phase = Phase.Pending;
    patch.getStatus().observedGeneration = generation;
    return UpdateControl.patchStatus(patch);
  }
}
