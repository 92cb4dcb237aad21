package io.tenantry.crds.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A tenant-app version the fleet may be moved to by a {@link Rollout}. Cluster-scoped: it is a fact
 * about the platform, not about one tenant. It has no status; rollouts report progress.
 */
@Group(Tenant.GROUP)
@Version(Tenant.VERSION)
@Kind("Release")
@Plural("releases")
@Singular("release")
@ShortNames("rel")
@AdditionalPrinterColumn(name = "AppVersion", jsonPath = ".spec.appVersion")
@AdditionalPrinterColumn(
    name = "RollbackSafe",
    jsonPath = ".spec.rollbackSafe",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Release extends CustomResource<ReleaseSpec, Void> {}
