package io.tenantry.controlplane.tenantlink;

/** One search hit as a tenant app reports it; {@code score} in 0..1, higher is better. */
public record TenantHit(String type, String id, String title, String subtitle, double score) {

  boolean isWellFormed() {
    return type != null && id != null && Double.isFinite(score) && score >= 0 && score <= 1;
  }
}
