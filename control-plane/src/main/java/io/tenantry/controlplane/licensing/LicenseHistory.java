package io.tenantry.controlplane.licensing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Writes a license change to its history and to the audit log, in the caller's transaction. */
@ApplicationScoped
public class LicenseHistory {

  private final AuditLog audit;
  private final ObjectMapper json;

  LicenseHistory(AuditLog audit, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
  }

  /**
   * @param actor who changed it: a user's email, or the job's name
   * @param changes field → {from, to}
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String slug,
      License license,
      String action,
      String actor,
      Map<String, ?> changes,
      Instant at) {
    append(license, action, actor, changes, at);
    AuditEvent event = AuditEvent.success(action, slug, slug, changes);
    if (actor.equals(LicenseExpiry.ACTOR)) {
      audit.recordAs(actor, event);
    } else {
      audit.record(event);
    }
  }

  /**
   * Writes the history row alone, for a change the caller's transaction already audits as part of a
   * larger one (the license a new tenant comes with).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(
      License license, String action, String actor, Map<String, ?> changes, Instant at) {
    LicenseHistoryEntry entry = new LicenseHistoryEntry();
    entry.tenantId = license.tenantId;
    entry.occurredAt = at;
    entry.actor = actor;
    entry.action = action;
    entry.changes = toJson(new TreeMap<>(changes));
    entry.type = license.type;
    entry.seats = license.seats;
    entry.expiresAt = license.expiresAt;
    entry.gracePeriodDays = license.gracePeriodDays;
    entry.status = license.status;
    entry.persist();
  }

  /** A {from, to} pair for the changes map; JSON null for an absent value. */
  static Map<String, Object> change(Object from, Object to) {
    Map<String, Object> pair = new TreeMap<>();
    pair.put("from", from == null ? null : from.toString());
    pair.put("to", to == null ? null : to.toString());
    return pair;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("license changes are not serializable", e);
    }
  }
}
