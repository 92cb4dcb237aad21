package io.tenantry.tenantapp.search;

import io.tenantry.tenantapp.identity.StaffStatus;
import io.tenantry.tenantapp.identity.StaffUser;
import io.tenantry.tenantapp.subscribers.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Figures the platform bills and licenses by. */
@ApplicationScoped
public class UsageService {

  /**
   * Seats are active staff; staffUsers also counts pending invitations; disabled users count for
   * neither.
   */
  public record Usage(long seatsUsed, long staffUsers, long subscribers) {}

  @Transactional
  public Usage usage() {
    return new Usage(
        StaffUser.count("status", StaffStatus.active),
        StaffUser.count("status <> ?1", StaffStatus.disabled),
        Subscriber.count());
  }
}
