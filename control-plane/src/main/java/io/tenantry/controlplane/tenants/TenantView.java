package io.tenantry.controlplane.tenants;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** A tenant as the API shows it. */
public record TenantView(
    String id,
    String slug,
    String displayName,
    String plan,
    String region,
    String deletionPolicy,
    String state,
    String phase,
    @JsonRawValue String conditions,
    String url,
    String origin,
    Instant createdAt,
    Instant updatedAt) {

  static TenantView of(TenantRecord t) {
    return new TenantView(
        t.id.toString(),
        t.slug,
        t.displayName,
        t.plan,
        t.region,
        t.deletionPolicy,
        t.state.value(),
        t.phase,
        t.conditions == null ? "[]" : t.conditions,
        t.url,
        t.origin,
        t.createdAt,
        t.updatedAt);
  }
}
