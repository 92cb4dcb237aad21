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

  /** The chain verified; {@code firstBrokenId} is the first entry that does not chain. */
  public record Verification(boolean valid, long checked, Long firstBrokenId, String reason) {}

  private final AuditConfig config;

  AuditQueries(AuditConfig config) {
    this.config = config;
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

  /** Walks the whole chain in id order and stops at the first entry that does not link. */
  @Transactional
  public Verification verify() {
    String expectedPrev = AuditChain.GENESIS;
    long checked = 0;
    long lastId = 0;
    while (true) {
      List<AuditEntry> batch =
          AuditEntry.<AuditEntry>find("id > ?1", Sort.ascending("id"), lastId)
              .page(Page.ofSize(VERIFY_BATCH))
              .list();
      if (batch.isEmpty()) {
        return new Verification(true, checked, null, null);
      }
      for (AuditEntry entry : batch) {
        if (!expectedPrev.equals(entry.prevHash)) {
          return new Verification(
              false, checked, entry.id, "prev_hash does not match the previous entry's hash");
        }
        if (!AuditChain.hashOf(entry.prevHash, entry).equals(entry.hash)) {
          return new Verification(
              false, checked, entry.id, "hash does not match the entry's contents");
        }
        expectedPrev = entry.hash;
        lastId = entry.id;
        checked++;
      }
      AuditEntry.getEntityManager().clear();
    }
  }
}
