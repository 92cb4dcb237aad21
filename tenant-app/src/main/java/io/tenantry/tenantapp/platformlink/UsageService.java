package io.tenantry.tenantapp.platformlink;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.identity.StaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Figures the platform bills and licenses by. */
@ApplicationScoped
public class UsageService {

  /**
   * Seats are held by enabled staff, pending invitations included (as the seat limit counts them);
   * staffUsers counts every staff user, disabled ones too.
   */
  public record Usage(long seatsUsed, long staffUsers, long subscribers) {}

  private final StaffUsers staff;
  private final Db db;

  UsageService(StaffUsers staff, Db db) {
    this.staff = staff;
    this.db = db;
  }

  @Transactional
  public Usage usage() {
    return new Usage(
        staff.countSeated(), staff.count(), db.count("SELECT count(*) FROM subscribers"));
  }
}
