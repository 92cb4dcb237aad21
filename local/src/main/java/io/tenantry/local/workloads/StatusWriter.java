package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Writes Deployment statuses back to the API server off the runner's thread. With ten tenants
 * created at once on a busy machine each write took seconds, and written inline they queued every
 * other pod's launch behind them (launches came 5–10 s apart, the tenth a minute after its
 * Deployment). Writes of one Deployment keep their order and collapse to the latest status.
 */
final class StatusWriter implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StatusWriter.class.getName());
  private static final int WRITERS = 4;

  private final KubernetesClient client;
  private final ExecutorService writers =
      Executors.newFixedThreadPool(
          WRITERS,
          r -> {
            Thread thread = new Thread(r, "tenantry-local-status");
            thread.setDaemon(true);
            return thread;
          });

  /** The newest status not yet sent, by Deployment (namespace, name and uid). */
  private final Map<Key, DeploymentStatus> pending = new ConcurrentHashMap<>();

  private final Map<Key, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** A Deployment; the uid tells a re-created one of the same name from the old one. */
  private record Key(String namespace, String name, String uid) {
    static Key of(Deployment deployment) {
      return new Key(
          deployment.getMetadata().getNamespace(),
          deployment.getMetadata().getName(),
          deployment.getMetadata().getUid());
    }
  }

  StatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Sends {@code next} as {@code deployment}'s status soon, unless the runner's cache shows it
   * already; never blocks on the API server.
   */
  void write(Deployment deployment, DeploymentStatus next) {
    Key key = Key.of(deployment);
    if (DeploymentStatuses.same(deployment.getStatus(), next)) {
      pending.remove(key);
      return;
    }
    if (pending.put(key, next) == null) {
      writers.execute(() -> flush(key));
    }
  }

  /** Under the Deployment's lock, so that an older status never lands after a newer one. */
  private void flush(Key key) {
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      DeploymentStatus next = pending.remove(key);
      if (next == null) {
        return;
      }
      client
          .apps()
          .deployments()
          .inNamespace(key.namespace())
          .withName(key.name())
          .editStatus(
              current -> {
                current.setStatus(next);
                return current;
              });
    } catch (RuntimeException e) {
      // Gone meanwhile, or a conflict: the runner's next pass asks for it again.
      LOG.fine(() -> "status of " + key.name() + ": " + e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /** Forgets a Deployment that is gone, so the locks do not grow with every tenant ever run. */
  void forget(String namespace, String name) {
    locks.keySet().removeIf(k -> k.namespace().equals(namespace) && k.name().equals(name));
  }

  @Override
  public void close() {
    writers.shutdown();
    try {
      writers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writers.shutdownNow();
  }
}
