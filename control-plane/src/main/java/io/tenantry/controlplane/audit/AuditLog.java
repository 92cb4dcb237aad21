package io.tenantry.controlplane.audit;

import io.quarkus.arc.Arc;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Appends entries to the hash-chained audit log. */
@ApplicationScoped
public class AuditLog {

  /** Serializes appends so that every entry chains onto the one committed before it. */
  static final long CHAIN_LOCK = 0x7465_6e61_6e74L;

  private final EntityManager em;
  private final Instance<RequestContext> request;

  AuditLog(EntityManager em, Instance<RequestContext> request) {
    this.em = em;
    this.request = request;
  }

  /** Records {@code event} in the caller's transaction, so it commits or rolls back with it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditEvent event) {
    RequestContext context = currentRequest();
    append(
        event,
        context == null ? "system" : context.actor(),
        context == null ? null : context.requestId(),
        context == null ? null : context.clientAddress());
  }

  /** Records {@code event} on behalf of {@code actor} (e.g. the cluster) outside any request. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAs(String actor, AuditEvent event) {
    append(event, actor, null, null);
  }

  /** Records {@code event} in a transaction of its own, kept even when the caller's rolls back. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordIndependently(AuditEvent event) {
    record(event);
  }

  private void append(AuditEvent event, String actor, String requestId, String clientAddress) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, CHAIN_LOCK)
        .getSingleResult();
    List<?> last =
        em.createNativeQuery("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").getResultList();
    String prev = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0);
    AuditEntry entry = new AuditEntry();
    entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    entry.actor = actor;
    entry.action = event.action();
    entry.outcome = event.outcome();
    entry.tenant = event.tenant();
    entry.target = event.target();
    entry.requestId = requestId;
    entry.clientAddress = clientAddress;
    entry.payload = AuditChain.canonicalJson(Redactor.redact(event.payload()));
    entry.prevHash = prev;
    entry.hash = AuditChain.hashOf(prev, entry);
    entry.persist();
  }

  private RequestContext currentRequest() {
    return Arc.container().requestContext().isActive() ? request.get() : null;
  }
}
