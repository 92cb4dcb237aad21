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
    Push push,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * Whether the platform's last change has reached the Tenant resource: {@code pending} until it
   * has; after failed writes, how many, the cluster's last answer and when the next try is due.
   */
  public record Push(boolean pending, int failures, String lastError, Instant nextAttemptAt) {}

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
        new Push(t.pushPending, t.pushFailures, t.pushError, t.pushNextAttemptAt),
        t.createdAt,
        t.updatedAt);
  }
}
