package io.tenantry.tenantapp.identity;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.entitlements.EntitlementsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Keeps enabled staff users (invited or active) within the licensed seats, exactly: the count and
 * the insert that follows run under one transaction-scoped PostgreSQL advisory lock, so racing
 * requests, on any number of replicas, take the last seats one at a time.
 */
@ApplicationScoped
public class SeatLimit {

  /** Arbitrary, fixed for this app: the lock every seat claim in the tenant database shares. */
  private static final long SEATS_LOCK = 0x7465_6e61_6e74_7279L;

  private final Db db;
  private final StaffUsers staff;
  private final EntitlementsStore entitlements;

  SeatLimit(Db db, StaffUsers staff, EntitlementsStore entitlements) {
    this.db = db;
    this.staff = staff;
    this.entitlements = entitlements;
  }

  /**
   * Refuses one more enabled staff user beyond the seats; call in the transaction that adds it,
   * which then holds the lock until it commits. The first user always gets in, so a tenant is never
   * left without an administrator.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void claim() {
    db.list("SELECT pg_advisory_xact_lock(?)", row -> null, SEATS_LOCK);
    long used = staff.countSeated();
    int seats = entitlements.current().seats();
    if (used > 0 && used >= seats) {
      throw ProblemException.conflict(
          "seat-limit",
          "all %d seats of the license are in use; disable a staff user or add seats"
              .formatted(seats),
          Map.of("limit", seats, "seatsUsed", used));
    }
  }
}
