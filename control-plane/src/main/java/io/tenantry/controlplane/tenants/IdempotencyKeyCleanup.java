package io.tenantry.controlplane.tenants;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Deletes idempotency keys past their retention. Lookups already ignore them, so the job only
 * bounds the table and its timing changes no answer; running it on every instance is harmless.
 */
@ApplicationScoped
public class IdempotencyKeyCleanup {

  private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class);

  private final TenantsConfig config;

  IdempotencyKeyCleanup(TenantsConfig config) {
    this.config = config;
  }

  @Scheduled(
      every = "${tenantry.tenants.idempotency-key-cleanup-interval}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    long deleted = deleteExpired();
    if (deleted > 0) {
      LOG.infof("idempotency keys: %d past their retention deleted", deleted);
    }
  }

  /** Deletes, in one statement, every key older than the retention; returns how many. */
  @Transactional
  public long deleteExpired() {
    return IdempotencyKey.deleteExpired(IdempotencyKey.cutoff(config.idempotencyKeyRetention()));
  }
}
