package io.tenantry.operator.isolation;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's stack as read back from the API server (the informer caches), for {@link
 * IsolationChecks}.
 *
 * @param policies every NetworkPolicy of the tenant's namespace the operator sees
 * @param clusterCidrs ranges an internet (ipBlock) peer must exclude
 * @param databaseIsolated the shared-server database's ACL as last read; empty when not known
 *     (cloudnative-pg mode, or not read yet)
 */
public record Stack(
    String slug,
    Optional<Namespace> namespace,
    Optional<ServiceAccount> serviceAccount,
    Optional<Deployment> deployment,
    Optional<ResourceQuota> quota,
    List<NetworkPolicy> policies,
    List<String> clusterCidrs,
    Optional<Boolean> databaseIsolated) {}
