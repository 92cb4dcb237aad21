package io.tenantry.controlplane.licensing;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the license expiry on every instance; {@link LicenseExpiry} keeps it exactly-once. */
@ApplicationScoped
public class ExpiryJob {

  private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

  private final DefaultLicenses defaults;
  private final LicenseExpiry expiry;

  ExpiryJob(DefaultLicenses defaults, LicenseExpiry expiry) {
    this.defaults = defaults;
    this.expiry = expiry;
  }

  @Scheduled(
      every = "${tenantry.licensing.expiry-check-interval:1m}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    int created = defaults.ensureMissing();
    int moved = expiry.run();
    if (created + moved > 0) {
      LOG.infof("licenses: %d created for adopted tenants, %d moved on by expiry", created, moved);
    }
  }
}
