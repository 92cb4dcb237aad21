package io.tenantry.controlplane.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * The answer to a cross-tenant search: the best hits across all tenants, every tenant's own hits
 * and status, the number of hits received ({@code total}) and whether any tenant is missing from it
 * ({@code partial}).
 */
public record SearchResult(
    String query,
    int total,
    boolean partial,
    long tookMs,
    List<RankedHit> hits,
    List<TenantResult> tenants) {

  /** A hit in the merged ranking, named by its tenant. */
  public record RankedHit(
      String tenant, String type, String id, String title, String subtitle, double score) {}

  /** What one tenant answered; {@code reason} only when it is not {@code ok}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TenantResult(
      String tenant, Status status, String reason, Long latencyMs, List<RankedHit> hits) {

    boolean ok() {
      return status == Status.OK;
    }
  }

  /** A tenant's part in the search; lowercase on the wire. */
  public enum Status {
    OK,
    TIMEOUT,
    ERROR,
    SKIPPED;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
