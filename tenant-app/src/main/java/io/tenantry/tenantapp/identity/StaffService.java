package io.tenantry.tenantapp.identity;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.tenantapp.db.Timestamps;
import io.tenantry.tenantapp.identity.IdentityDtos.InvitationView;
import io.tenantry.tenantapp.identity.IdentityDtos.StaffView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Staff lifecycle: invite, accept the invitation with a password, change role, disable. */
@ApplicationScoped
public class StaffService {

  private final IdentityConfig config;
  private final SeatLimit seats;
  private final StaffUsers staff;
  private final AuthService auth;

  StaffService(IdentityConfig config, SeatLimit seats, StaffUsers staff, AuthService auth) {
    this.config = config;
    this.seats = seats;
    this.staff = staff;
    this.auth = auth;
  }

  /**
   * Invites a new staff user, or invites again one who never signed in and holds no seat (the
   * invitation expired, or they were disabled before accepting): the same account gets a fresh
   * token, role and name.
   */
  @Transactional
  public InvitationView invite(String email, String displayName, Role role) {
    StaffUser existing = staff.byEmail(email).orElse(null);
    if (existing != null && (existing.passwordHash != null || holdsSeat(existing))) {
      // signed in before, or invited and still pending (resend-invitation sends that one again)
      throw ProblemException.conflict(
          "duplicate", "a staff user with this email already exists", Map.of("field", "email"));
    }
    if (existing != null) {
      StaffUser user = staff.lock(existing.id);
      user.displayName = displayName.strip();
      user.role = role;
      return reissue(user);
    }
    seats.claim();
    StaffUser user = new StaffUser();
    user.id = UUID.randomUUID();
    user.email = email.strip();
    user.displayName = displayName.strip();
    user.role = role;
    user.status = StaffStatus.invited;
    user.createdAt = Timestamps.now();
    String token = RandomSecrets.random(32);
    user.inviteTokenHash = RandomSecrets.sha256(token);
    user.inviteExpiresAt = user.createdAt.plus(config.inviteLifetime());
    staff.insert(user);
    return new InvitationView(StaffView.of(user), token, user.inviteExpiresAt);
  }

  /**
   * A new invitation token for a user who has not accepted one yet; the old token stops working.
   */
  @Transactional
  public InvitationView resend(UUID id) {
    StaffUser user = staff.lock(id);
    if (user.status != StaffStatus.invited) {
      throw ProblemException.conflict(
          "not-invited",
          "staff user is %s; only a pending invitation can be sent again".formatted(user.status),
          Map.of("status", user.status.toString()));
    }
    return reissue(user);
  }

  /** A pending invitation holds a seat until it expires; so does an active user. */
  private static boolean holdsSeat(StaffUser user) {
    return user.status == StaffStatus.active
        || (user.status == StaffStatus.invited
            && user.inviteExpiresAt != null
            && user.inviteExpiresAt.isAfter(Instant.now()));
  }

  private InvitationView reissue(StaffUser user) {
    if (!holdsSeat(user)) {
      seats.claim(); // an expired invitation or a disabled user gave its seat back
    }
    Instant now = Timestamps.now();
    String token = RandomSecrets.random(32);
    user.status = StaffStatus.invited;
    user.inviteTokenHash = RandomSecrets.sha256(token);
    user.inviteExpiresAt = now.plus(config.inviteLifetime());
    staff.update(user);
    return new InvitationView(StaffView.of(user), token, user.inviteExpiresAt);
  }

  /** Sets the first password; the invitation token works once. */
  @Transactional
  public StaffView acceptInvite(String token, String password) {
    StaffUser user =
        staff
            .byInviteTokenHash(RandomSecrets.sha256(token))
            .filter(
                u -> u.status == StaffStatus.invited && u.inviteExpiresAt.isAfter(Instant.now()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            400,
                            "invalid-invitation",
                            "Invalid invitation",
                            "inviteToken: is unknown, used or expired")));
    user.passwordHash = Secrets.hashPassword(password);
    user.passwordChangeRequired = false; // they chose it
    user.status = StaffStatus.active;
    user.inviteTokenHash = null;
    user.inviteExpiresAt = null;
    staff.update(user);
    return StaffView.of(user);
  }

  @Transactional
  public StaffView changeRole(UUID id, Role role, UUID actingUser) {
    StaffUser user = staff.lock(id);
    refuseSelf(id, actingUser, "change their own role");
    user.role = role;
    staff.update(user);
    auth.revokeAll(id);
    return StaffView.of(user);
  }

  /** Disables the user and revokes every refresh token, so no session outlives the change. */
  @Transactional
  public StaffView disable(UUID id, UUID actingUser) {
    StaffUser user = staff.lock(id);
    refuseSelf(id, actingUser, "disable themselves");
    user.status = StaffStatus.disabled;
    user.inviteTokenHash = null;
    staff.update(user);
    auth.revokeAll(id);
    return StaffView.of(user);
  }

  /** Gives a disabled user their access back, which takes a seat again. */
  @Transactional
  public StaffView enable(UUID id) {
    StaffUser user = staff.lock(id);
    if (user.status != StaffStatus.disabled) {
      throw ProblemException.conflict(
          "invalid-transition",
          "staff user is %s, not disabled".formatted(user.status),
          Map.of("from", user.status.toString(), "to", StaffStatus.active.toString()));
    }
    if (user.passwordHash == null) {
      // the invitation token was cleared on disabling; a new invitation is the way back
      throw ProblemException.conflict(
          "invitation-not-accepted",
          "staff user never accepted the invitation; invite them again",
          Map.of());
    }
    seats.claim();
    user.status = StaffStatus.active;
    staff.update(user);
    return StaffView.of(user);
  }

  @Transactional
  public StaffView get(UUID id) {
    return StaffView.of(staff.get(id));
  }

  @Transactional
  public List<StaffView> list() {
    return staff.all().stream().map(StaffView::of).toList();
  }

  /** The staff member changes their own password; their refresh tokens stop working. */
  @Transactional
  public void changePassword(UUID id, String currentPassword, String newPassword) {
    StaffUser user = staff.lock(id);
    if (!Secrets.passwordMatches(currentPassword, user.passwordHash)) {
      throw ProblemException.invalid("currentPassword", "is not your current password");
    }
    user.passwordHash = Secrets.hashPassword(newPassword);
    user.passwordChangeRequired = false;
    staff.update(user);
    auth.revokeAll(id);
  }

  /**
   * An administrator resets someone's password: the password stops working and the user is back to
   * {@code invited} with a new one-time link (on the same seat), through which they set a new one
   * as an invited person does.
   */
  @Transactional
  public InvitationView resetPassword(UUID id, UUID actingUser) {
    StaffUser user = staff.lock(id);
    refuseSelf(id, actingUser, "reset their own password; change it instead");
    if (user.status == StaffStatus.disabled) {
      throw ProblemException.conflict(
          "invalid-transition", "staff user is disabled; enable them first", Map.of());
    }
    String token = RandomSecrets.random(32);
    user.passwordHash = null;
    user.passwordChangeRequired = true; // until they choose one through the link
    user.status = StaffStatus.invited;
    user.inviteTokenHash = RandomSecrets.sha256(token);
    user.inviteExpiresAt = Timestamps.now().plus(config.inviteLifetime());
    staff.update(user);
    auth.revokeAll(id);
    return new InvitationView(StaffView.of(user), token, user.inviteExpiresAt);
  }

  private static void refuseSelf(UUID id, UUID actingUser, String what) {
    // keeps the last administrator from locking everyone out by accident
    if (id.equals(actingUser)) {
      throw ProblemException.conflict("self-change", "staff users cannot " + what, Map.of());
    }
  }
}
