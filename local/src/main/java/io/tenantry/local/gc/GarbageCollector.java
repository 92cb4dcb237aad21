package io.tenantry.local.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the embedded API server lacks and a cluster has: the garbage collector and the namespace
 * controller. Every sweep deletes objects whose owners (by {@code ownerReferences} uid) are all
 * gone, and everything in a namespace that existed and is gone, so deleting a Tenant takes its
 * namespace and stack with it, as on a cluster. Dependents are listed before owners, so an object
 * created during a sweep is never taken for an orphan. A sweep lists every kind, so it runs soon
 * after a Tenant or Namespace is deleted (and twice more, one cascade level each) and otherwise
 * only every {@code period}: the embedded API server shares the machine with everything else.
 */
public final class GarbageCollector implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GarbageCollector.class.getName());

  private final KubernetesClient client;
  private final List<Function<KubernetesClient, List<? extends HasMetadata>>> kinds;
  private final Set<String> seenNamespaces = new HashSet<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tenantry-local-gc"));

  /**
   * @param owners extra cluster-scoped owner kinds to list (the Tenant custom resource)
   * @param deletions informers whose deletions start sweeps soon (Tenants, Namespaces)
   * @param periodMillis how often to sweep regardless: every sweep lists every kind, and the
   *     embedded API server shares the machine with everything else
   */
  public GarbageCollector(
      KubernetesClient client,
      List<Function<KubernetesClient, List<? extends HasMetadata>>> owners,
      List<SharedIndexInformer<? extends HasMetadata>> deletions,
      long periodMillis) {
    this.client = client;
    this.kinds = new ArrayList<>(namespacedKinds());
    this.kinds.add(c -> c.namespaces().list().getItems());
    this.kinds.addAll(owners);
    thread.scheduleWithFixedDelay(
        this::sweepQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    deletions.forEach(informer -> informer.addEventHandler(onDelete()));
  }

  /** Three sweeps soon after a deletion: owner, then namespace, then its contents. */
  private <T extends HasMetadata> ResourceEventHandler<T> onDelete() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {}

      @Override
      public void onUpdate(T old, T object) {}

      @Override
      public void onDelete(T object, boolean unknownFinalState) {
        for (int level = 0; level < 3; level++) {
          thread.schedule(
              GarbageCollector.this::sweepQuietly, 200 + level * 500L, TimeUnit.MILLISECONDS);
        }
      }
    };
  }

  private static List<Function<KubernetesClient, List<? extends HasMetadata>>> namespacedKinds() {
    return List.of(
        c -> all(c.apps().deployments()),
        c -> all(c.apps().replicaSets()),
        c -> all(c.pods()),
        c -> all(c.services()),
        c -> all(c.secrets()),
        c -> all(c.configMaps()),
        c -> all(c.serviceAccounts()),
        c -> all(c.persistentVolumeClaims()),
        c -> all(c.resourceQuotas()),
        c -> all(c.limitRanges()),
        c -> all(c.network().v1().ingresses()),
        c -> all(c.network().v1().networkPolicies()),
        c -> all(c.rbac().roles()),
        c -> all(c.rbac().roleBindings()));
  }

  private static <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> all(
      MixedOperation<T, L, ? extends Resource<T>> operation) {
    return operation.inAnyNamespace().list().getItems();
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "garbage collection sweep failed; retrying", e);
    }
  }

  /** One pass; returns how many objects it deleted. */
  public int sweep() {
    List<HasMetadata> candidates = list();
    List<HasMetadata> present = list();
    Set<String> uids = new HashSet<>();
    Set<String> namespaces = new HashSet<>();
    for (HasMetadata object : present) {
      uids.add(object.getMetadata().getUid());
      if (object instanceof Namespace namespace
          && namespace.getMetadata().getDeletionTimestamp() == null) {
        namespaces.add(namespace.getMetadata().getName());
      }
    }
    int deleted = 0;
    for (HasMetadata object : candidates) {
      if (orphaned(object, uids) || inDeletedNamespace(object, namespaces)) {
        client.resource(object).withGracePeriod(0).delete();
        deleted++;
      }
    }
    seenNamespaces.addAll(namespaces);
    seenNamespaces.retainAll(namespaces);
    return deleted;
  }

  private static boolean orphaned(HasMetadata object, Set<String> uids) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    return owners != null
        && !owners.isEmpty()
        && owners.stream().noneMatch(owner -> uids.contains(owner.getUid()));
  }

  /** Only a namespace seen before counts as deleted: objects may predate their namespace here. */
  private boolean inDeletedNamespace(HasMetadata object, Set<String> namespaces) {
    String namespace = object.getMetadata().getNamespace();
    return namespace != null
        && seenNamespaces.contains(namespace)
        && !namespaces.contains(namespace);
  }

  private List<HasMetadata> list() {
    List<HasMetadata> objects = new ArrayList<>();
    for (Function<KubernetesClient, List<? extends HasMetadata>> kind : kinds) {
      objects.addAll(kind.apply(client));
    }
    return objects;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
