package io.tenantry.controlplane.console.tenants;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.controlplane.tenants.TenantView;
import java.util.List;

/**
 * A tenant's phase and conditions as the console shows them, from the JSON the cluster reported.
 *
 * @param fingerprint changes whenever anything shown changes, so the live stream sends only news
 */
public record Status(
    String slug, String state, String phase, List<Condition> conditions, String fingerprint) {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** One condition of the Tenant resource's status. */
  public record Condition(String type, String status, String reason, String message) {
    public boolean isTrue() {
      return "True".equals(status);
    }
  }

  public static Status of(TenantView tenant) {
    List<Condition> conditions = parse(tenant.conditions());
    String phase = tenant.phase() == null ? "Pending" : tenant.phase();
    return new Status(
        tenant.slug(),
        tenant.state(),
        phase,
        conditions,
        tenant.state() + "|" + phase + "|" + conditions);
  }

  private static List<Condition> parse(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Condition>>() {});
    } catch (java.io.IOException e) {
      return List.of();
    }
  }
}
