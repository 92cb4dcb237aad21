package io.tenantry.controlplane.invitations;

import io.tenantry.common.problem.Problem;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.controlplane.users.UserService;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invitations of platform users: an owner invites an email with a role and gets a one-time link;
 * the invitee opens it, sets a password under the same policy as everywhere else and becomes a
 * user. The token is 256 random bits, kept only as its hash and never audited or logged; the link
 * is in the invite's response alone.
 */
@ApplicationScoped
public class InvitationService {

  private static final String ACCEPT = "user.invitation.accept";

  /** A new invitation and its link's token, which is not stored and cannot be shown again. */
  public record Issued(InvitationView invitation, String token) {}

  private final InvitationConfig config;
  private final UserService users;
  private final AuditLog audit;
  private final RequestContext request;

  InvitationService(
      InvitationConfig config, UserService users, AuditLog audit, RequestContext request) {
    this.config = config;
    this.users = users;
    this.audit = audit;
    this.request = request;
  }

  @Transactional
  public Issued invite(InvitationRequests.Create create, UUID inviterId) {
    String email = PlatformUser.normalize(create.email());
    if (PlatformUser.findByEmail(email).isPresent()) {
      throw ProblemException.conflict("user-exists", "a user with this email already exists");
    }
    Instant now = Instant.now();
    Invitation open =
        Invitation.<Invitation>find(
                "email = ?1 and acceptedAt is null and revokedAt is null", email)
            .firstResult();
    if (open != null && open.state(now) == Invitation.State.PENDING) {
      throw ProblemException.conflict(
          "invitation-pending",
          "an invitation for this email is pending until "
              + open.expiresAt
              + "; revoke it to invite again");
    }
    if (open != null) {
      // Expired: closed as revoked so that the one-open-invitation-per-email index admits the new.
      open.revokedAt = now;
      // Before the insert: Hibernate would otherwise insert first and the index would refuse it.
      Invitation.flush();
    }
    PlatformUser inviter = PlatformUser.findById(inviterId);
    String token = RandomSecrets.random(32);
    Invitation invitation = new Invitation();
    invitation.id = UUID.randomUUID();
    invitation.tokenHash = RandomSecrets.sha256(token);
    invitation.email = email;
    invitation.role = Role.fromValue(create.role()).value();
    invitation.invitedBy = inviter.id;
    invitation.invitedByEmail = inviter.email;
    invitation.createdAt = now;
    invitation.expiresAt = now.plus(config.lifetime());
    invitation.persist();
    audit.record(
        AuditEvent.success(
            "user.invite",
            null,
            invitation.id.toString(),
            Map.of(
                "email",
                email,
                "role",
                invitation.role,
                "expiresAt",
                invitation.expiresAt.toString())));
    return new Issued(InvitationView.of(invitation, now), token);
  }

  /** Invitations not yet accepted, revoked or expired, soonest to expire first. */
  @Transactional
  public List<InvitationView> pending() {
    Instant now = Instant.now();
    return Invitation.<Invitation>list(
            "acceptedAt is null and revokedAt is null and expiresAt > ?1 order by expiresAt", now)
        .stream()
        .map(i -> InvitationView.of(i, now))
        .toList();
  }

  @Transactional
  public InvitationView revoke(UUID id) {
    Invitation invitation = Invitation.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (invitation == null) {
      throw ProblemException.notFound("invitation " + id);
    }
    Instant now = Instant.now();
    Invitation.State state = invitation.state(now);
    if (state != Invitation.State.PENDING) {
      throw ProblemException.conflict(
          "invitation-not-pending", "the invitation is " + state.value() + ", not pending");
    }
    invitation.revokedAt = now;
    audit.record(
        AuditEvent.success(
            "user.invitation.revoke",
            null,
            invitation.id.toString(),
            Map.of("email", invitation.email, "role", invitation.role)));
    return InvitationView.of(invitation, now);
  }

  /** The pending invitation {@code token} names, or the reason it cannot be used. */
  @Transactional
  public InvitationView open(String token) {
    Invitation invitation = usable(token, LockModeType.NONE);
    return InvitationView.of(invitation, Instant.now());
  }

  /**
   * Creates the invitee's account with {@code password} (already checked against the policy) and
   * closes the invitation; the row lock makes a second acceptance of the same link wait and then
   * fail as used.
   */
  @Transactional
  public PlatformUser accept(String token, String password) {
    Invitation invitation = usable(token, LockModeType.PESSIMISTIC_WRITE);
    if (PlatformUser.findByEmail(invitation.email).isPresent()) {
      refuse(invitation, "user-exists");
      throw ProblemException.conflict(
          "user-exists", "a user with this email was created since the invitation");
    }
    Role role = Role.fromValue(invitation.role);
    PlatformUser user = users.newUser(invitation.email, password, role);
    user.mfaEnrolmentRequired = config.mfaRequiredRoles().contains(role.value());
    invitation.acceptedAt = Instant.now();
    invitation.userId = user.id;
    request.signedIn(user.id, user.email);
    audit.record(
        AuditEvent.success(
            ACCEPT,
            null,
            user.id.toString(),
            Map.of(
                "invitation",
                invitation.id.toString(),
                "email",
                user.email,
                "role",
                user.role,
                "invitedBy",
                invitation.invitedByEmail)));
    return user;
  }

  private Invitation usable(String token, LockModeType lock) {
    Invitation invitation =
        token == null || token.length() > 128
            ? null
            : Invitation.<Invitation>find("tokenHash", RandomSecrets.sha256(token))
                .withLock(lock)
                .firstResult();
    if (invitation == null) {
      audit.recordIndependently(
          AuditEvent.failure(ACCEPT, null, Map.of("reason", "unknown invitation")));
      throw new ProblemException(
          Problem.of(
              404,
              "invitation-not-found",
              "Invitation not found",
              "this invitation link is not valid; check that it was copied whole"));
    }
    Invitation.State state = invitation.state(Instant.now());
    return switch (state) {
      case PENDING -> invitation;
      case ACCEPTED -> throw gone(invitation, "invitation-used", "was already used");
      case REVOKED -> throw gone(invitation, "invitation-revoked", "was revoked by an owner");
      case EXPIRED ->
          throw gone(invitation, "invitation-expired", "expired at " + invitation.expiresAt);
    };
  }

  private ProblemException gone(Invitation invitation, String kind, String why) {
    refuse(invitation, kind);
    return new ProblemException(
        Problem.of(
            410,
            kind,
            "Invitation no longer valid",
            "this invitation " + why + "; ask an owner for a new one"));
  }

  private void refuse(Invitation invitation, String reason) {
    audit.recordIndependently(
        AuditEvent.failure(
            ACCEPT, invitation.id.toString(), Map.of("reason", reason, "email", invitation.email)));
  }
}
