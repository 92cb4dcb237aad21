package io.tenantry.controlplane.audit;

import io.quarkus.panache.common.Sort;
import io.tenantry.controlplane.secrets.PlatformKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Anchors the audit chain: signs its head into {@code audit_anchors}, which the app's role can only
 * append to. A verification then knows how far the chain reached when it was last anchored.
 */
@ApplicationScoped
public class AuditAnchors {

  /** Who anchors: the scheduled job, named like the other jobs. */
  public static final String ACTOR = "audit-anchor";

  private final EntityManager em;
  private final PlatformKeys keys;

  AuditAnchors(EntityManager em, PlatformKeys keys) {
    this.em = em;
    this.keys = keys;
  }

  /**
   * Signs the chain's current head, unless the newest anchor already signed it (nothing was
   * appended since) or the chain is empty. Holds the chain's lock, so no append races the read.
   */
  @Transactional
  public Optional<AuditAnchor> anchorHead() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, AuditLog.CHAIN_LOCK)
        .getSingleResult();
    List<AuditEntry> head = AuditEntry.find("", Sort.descending("id")).page(0, 1).list();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    AuditEntry entry = head.get(0);
    Optional<AuditAnchor> latest = latest();
    if (latest.isPresent() && latest.get().headId == entry.id) {
      return Optional.empty();
    }
    AuditAnchor anchor = new AuditAnchor();
    anchor.headId = entry.id;
    anchor.headHash = entry.hash;
    anchor.anchoredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    anchor.anchoredBy = ACTOR;
    AnchorSignature.sign(anchor, keys.privateKey(), keys.publicKey());
    anchor.persist();
    return Optional.of(anchor);
  }

  /** The newest anchor, if the chain was ever anchored. */
  Optional<AuditAnchor> latest() {
    return AuditAnchor.<AuditAnchor>find("", Sort.descending("seq"))
        .page(0, 1)
        .firstResultOptional();
  }

  /** Whether a key the platform trusts now signed {@code anchor}. */
  boolean signedByPlatform(AuditAnchor anchor) {
    return AnchorSignature.verify(anchor, keys.publicKeyBundle());
  }
}
