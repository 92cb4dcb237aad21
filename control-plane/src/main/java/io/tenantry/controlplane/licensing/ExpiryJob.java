package io.tenantry.controlplane.licensing;

import io.quarkus.scheduler.Scheduled;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

/** Runs the license expiry on every instance; {@link LicenseExpiry} keeps it exactly-once. */
@ApplicationScoped
public class ExpiryJob {

  private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

  private final DefaultLicenses defaults;
  private final LicenseExpiry expiry;
  private final RequestContext context;

  ExpiryJob(DefaultLicenses defaults, LicenseExpiry expiry, RequestContext context) {
    this.defaults = defaults;
    this.expiry = expiry;
    this.context = context;
  }

  @Scheduled(
      every = "${tenantry.licensing.expiry-check-interval:1m}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @ActivateRequestContext
  void run() {
    // what this run changes (licenses it creates for adopted tenants) is audited under its name
    context.actingAs(LicenseExpiry.ACTOR);
    int created = defaults.ensureMissing();
    int moved = expiry.run();
    if (created + moved > 0) {
      LOG.infof("licenses: %d created for adopted tenants, %d moved on by expiry", created, moved);
    }
  }
}
