package io.tenantry.tenantapp.search;

import io.tenantry.tenantapp.identity.StaffUser;
import io.tenantry.tenantapp.subscribers.Subscriber;
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

  @Transactional
  public Usage usage() {
    return new Usage(StaffUser.countSeated(), StaffUser.count(), Subscriber.count());
  }
}
