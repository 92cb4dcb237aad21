package io.tenantry.crds.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Moves the tenants a selector picks to a {@link Release}, wave after wave, each gated on the
 * tenants' health. Cluster-scoped, like the tenants it moves. The operator owns the status; the
 * control plane and SREs own the spec (pause, resume, abort, promote each patch one field).
 */
@Group(Tenant.GROUP)
@Version(Tenant.VERSION)
@Kind("Rollout")
@Plural("rollouts")
@Singular("rollout")
@ShortNames("ro")
@ValidationRule(
    value =
        "!has(oldSelf.status) || !has(oldSelf.status.phase) || oldSelf.status.phase == 'Pending'"
            + " || self.spec.release == oldSelf.spec.release",
    message = "spec.release cannot change once the rollout has started")
@AdditionalPrinterColumn(name = "Release", jsonPath = ".spec.release")
@AdditionalPrinterColumn(name = "Wave", jsonPath = ".status.currentWaveName")
@AdditionalPrinterColumn(name = "Done", jsonPath = ".status.progress")
@AdditionalPrinterColumn(
    name = "Failed",
    jsonPath = ".status.failed",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Rollout extends CustomResource<RolloutSpec, RolloutStatus> {}
