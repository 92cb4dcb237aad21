package io.tenantry.controlplane.invitations;

import java.time.Instant;

/**
 * An invitation as owners see it; never its token, which only the response to the invite carries.
 *
 * @param state pending, accepted, revoked or expired
 */
public record InvitationView(
    String id,
    String email,
    String role,
    String invitedBy,
    Instant createdAt,
    Instant expiresAt,
    String state) {

  static InvitationView of(Invitation invitation, Instant now) {
    return new InvitationView(
        invitation.id.toString(),
        invitation.email,
        invitation.role,
        invitation.invitedByEmail,
        invitation.createdAt,
        invitation.expiresAt,
        invitation.state(now).value());
  }
}
