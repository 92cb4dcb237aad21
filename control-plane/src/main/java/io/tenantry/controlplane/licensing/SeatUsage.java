package io.tenantry.controlplane.licensing;

import io.smallrye.mutiny.TimeoutException;
import io.tenantry.controlplane.licensing.LicenseViews.LicenseView;
import io.tenantry.controlplane.tenantlink.TenantLinkClient;
import io.tenantry.controlplane.tenantlink.TenantLinkException;
import io.tenantry.controlplane.tenantlink.TenantUsage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seats allocated (the license) against seats used (the tenant app's own count). The allocation is
 * always answered; when the tenant app cannot tell, the answer says why instead of failing.
 */
@ApplicationScoped
public class SeatUsage {

  /** Allocated vs used; the usage fields are null when {@code usage} is unavailable. */
  public record UsageView(
      String tenant,
      int seatsAllocated,
      Long seatsUsed,
      Long seatsFree,
      Long staffUsers,
      Long subscribers,
      String usage,
      String reason) {

    static UsageView of(LicenseView license, TenantUsage used) {
      return new UsageView(
          license.tenant(),
          license.seats(),
          used.seatsUsed(),
          Math.max(0, license.seats() - used.seatsUsed()),
          used.staffUsers(),
          used.subscribers(),
          "reported",
          null);
    }

    static UsageView unavailable(LicenseView license, String reason) {
      return new UsageView(
          license.tenant(), license.seats(), null, null, null, null, "unavailable", reason);
    }
  }

  private final LicenseService licenses;
  private final TenantLinkClient tenants;
  private final LicensingConfig config;

  SeatUsage(LicenseService licenses, TenantLinkClient tenants, LicensingConfig config) {
    this.licenses = licenses;
    this.tenants = tenants;
    this.config = config;
  }

  /** Blocks for at most the usage timeout; call it from a worker thread. */
  public UsageView of(String slug) {
    LicenseView license = licenses.get(slug);
    try {
      TenantUsage used =
          tenants
              .usage(slug, config.usageTimeout())
              .await()
              .atMost(config.usageTimeout().plusSeconds(1));
      return UsageView.of(license, used);
    } catch (TenantLinkException e) {
      return UsageView.unavailable(license, e.reason());
    } catch (TimeoutException e) {
      return UsageView.unavailable(license, "no answer in time");
    }
  }
}
