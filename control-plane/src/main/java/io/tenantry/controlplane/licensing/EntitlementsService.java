package io.tenantry.controlplane.licensing;

import io.tenantry.controlplane.flags.FlagService;
import io.tenantry.controlplane.tenants.SpecContributor;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.crds.v1alpha1.Entitlements;
import io.tenantry.crds.v1alpha1.LicenseStatus;
import io.tenantry.crds.v1alpha1.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@code spec.entitlements} each time the Tenant resource is written: license, effective
 * flags and their signature, all read at that moment, so a retried write carries the latest truth.
 */
@ApplicationScoped
public class EntitlementsService implements SpecContributor {

  private final DefaultLicenses licenses;
  private final FlagService flags;
  private final EntitlementsSigner signer;

  EntitlementsService(DefaultLicenses licenses, FlagService flags, EntitlementsSigner signer) {
    this.licenses = licenses;
    this.flags = flags;
    this.signer = signer;
  }

  @Override
  @Transactional
  public void contribute(TenantRecord tenant, TenantSpec spec) {
    spec.entitlements = of(tenant.slug);
  }

  @Transactional
  public Entitlements of(String slug) {
    TenantRecord tenant = LicenseService.tenant(slug);
    License license = licenses.ensure(tenant);
    Map<String, Boolean> features = new TreeMap<>(flags.compute(tenant).asMap());
    Entitlements entitlements = new Entitlements();
    entitlements.seats = license.seats;
    entitlements.expiresAt = license.expiresAt == null ? null : license.expiresAt.toString();
    entitlements.gracePeriodDays = license.gracePeriodDays;
    entitlements.licenseStatus = LicenseStatus.valueOf(license.status.toUpperCase(Locale.ROOT));
    entitlements.features = features;
    entitlements.signature = signer.sign(slug, payload(tenant.plan, entitlements));
    return entitlements;
  }

  /** The signed truth; the spec fields beside the signature are a readable copy of it. */
  private static Map<String, Object> payload(String plan, Entitlements entitlements) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("plan", plan);
    payload.put("seats", entitlements.seats);
    if (entitlements.expiresAt != null) {
      payload.put("expiresAt", entitlements.expiresAt);
    }
    payload.put("gracePeriodDays", entitlements.gracePeriodDays);
    payload.put("licenseStatus", entitlements.licenseStatus.value());
    payload.put("features", entitlements.features);
    return payload;
  }
}
