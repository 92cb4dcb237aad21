package io.tenantry.controlplane.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Anchors the audit chain every {@code tenantry.audit.anchor-interval}. Every replica runs it; the
 * chain's lock and the "head already anchored" check keep one anchor per head.
 */
@ApplicationScoped
public class AnchorJob {

  private static final Logger LOG = Logger.getLogger(AnchorJob.class);

  private final AuditAnchors anchors;

  AnchorJob(AuditAnchors anchors) {
    this.anchors = anchors;
  }

  @Scheduled(
      identity = "audit-anchor",
      every = "${tenantry.audit.anchor-interval}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    anchors
        .anchorHead()
        .ifPresent(
            a -> LOG.debugf("audit chain anchored at entry %d (anchor %d)", a.headId, a.seq));
  }
}
