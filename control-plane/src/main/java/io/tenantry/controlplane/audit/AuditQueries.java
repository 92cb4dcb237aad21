package io.tenantry.controlplane.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads and verifies the audit log. */
@ApplicationScoped
public class AuditQueries {

  private static final int VERIFY_BATCH = 1000;

  /** One page of entries, newest first. */
  public record AuditPage(List<AuditView> items, int page, int size, long total) {}

  /** An export, oldest first, cut at the configured row cap. */
  public record AuditExport(List<AuditView> items, int maxRows, boolean truncated) {}

  /**
   * The chain verified; {@code firstBrokenId} is the first entry that does not chain, or the entry
   * the newest anchor signed when that one is gone or changed. {@code anchor} is the sequence
   * number of the newest anchor checked, null when the chain was never anchored.
   */
  public record Verification(
      boolean valid, long checked, Long firstBrokenId, String reason, Long anchor) {}

  private final AuditConfig config;
  private final AuditAnchors anchors;

  AuditQueries(AuditConfig config, AuditAnchors anchors) {
    this.config = config;
    this.anchors = anchors;
  }

  @Transactional
  public AuditPage list(AuditFilter filter, int page, int size) {
    PanacheQuery<AuditEntry> query =
        AuditEntry.find(filter.query(), Sort.descending("id"), filter.parameters());
    List<AuditView> items =
        query.page(Page.of(page, size)).list().stream().map(AuditView::of).toList();
    return new AuditPage(items, page, size, query.count());
  }

  @Transactional
  public AuditExport export(AuditFilter filter) {
    int cap = config.exportMaxRows();
    List<AuditView> rows =
        AuditEntry.<AuditEntry>find(filter.query(), Sort.ascending("id"), filter.parameters())
            .range(0, cap)
            .list()
            .stream()
            .map(AuditView::of)
            .toList();
    return new AuditExport(rows.subList(0, Math.min(cap, rows.size())), cap, rows.size() > cap);
  }

  /**
   * Walks the whole chain in id order and stops at the first entry that does not link; then checks
   * the newest anchor: signed by a platform key, and its entry still in the chain with its hash.
   * The chain alone cannot show its newest rows deleted, since what is left still links.
   */
  @Transactional
  public Verification verify() {
    AuditAnchor anchor = anchors.latest().orElse(null);
    Long anchorSeq = anchor == null ? null : anchor.seq;
    String expectedPrev = AuditChain.GENESIS;
    String anchoredHash = null;
    long checked = 0;
    long lastId = 0;
    while (true) {
      List<AuditEntry> batch =
          AuditEntry.<AuditEntry>find("id > ?1", Sort.ascending("id"), lastId)
              .page(Page.ofSize(VERIFY_BATCH))
              .list();
      if (batch.isEmpty()) {
        break;
      }
      for (AuditEntry entry : batch) {
        if (!expectedPrev.equals(entry.prevHash)) {
          return new Verification(
              false,
              checked,
              entry.id,
              "prev_hash does not match the previous entry's hash",
              anchorSeq);
        }
        if (!AuditChain.hashOf(entry.prevHash, entry).equals(entry.hash)) {
          return new Verification(
              false, checked, entry.id, "hash does not match the entry's contents", anchorSeq);
        }
        if (anchor != null && entry.id == anchor.headId) {
          anchoredHash = entry.hash;
        }
        expectedPrev = entry.hash;
        lastId = entry.id;
        checked++;
      }
      AuditEntry.getEntityManager().clear();
    }
    return anchor == null
        ? new Verification(true, checked, null, null, null)
        : againstAnchor(anchor, anchoredHash, lastId, checked);
  }

  private Verification againstAnchor(
      AuditAnchor anchor, String anchoredHash, long lastId, long checked) {
    if (!anchors.signedByPlatform(anchor)) {
      return new Verification(
          false,
          checked,
          anchor.headId,
          "anchor " + anchor.seq + " is not signed by a platform key",
          anchor.seq);
    }
    if (anchoredHash == null) {
      return new Verification(
          false,
          checked,
          anchor.headId,
          "rows missing after anchor "
              + anchor.seq
              + ": it signed entry "
              + anchor.headId
              + ", the chain ends at entry "
              + lastId,
          anchor.seq);
    }
    if (!anchoredHash.equals(anchor.headHash)) {
      return new Verification(
          false,
          checked,
          anchor.headId,
          "entry " + anchor.headId + " differs from what anchor " + anchor.seq + " signed",
          anchor.seq);
    }
    return new Verification(true, checked, null, null, anchor.seq);
  }
}
