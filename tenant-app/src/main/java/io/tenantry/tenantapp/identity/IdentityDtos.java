package io.tenantry.tenantapp.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** What clients send and receive for login and staff management. */
public final class IdentityDtos {

  /** The rule a new password breaks when too short or long, worded as the control plane's. */
  public static final String PASSWORD_LENGTH_RULE =
      "must be at least 12 characters and at most 128";

  private IdentityDtos() {}

  public record LoginRequest(@NotBlank String email, @NotBlank @Size(max = 128) String password) {}

  public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {}

  /**
   * @param passwordChangeRequired the password is one the user did not choose: every call but
   *     {@code POST /api/v1/staff/me/password} is refused until they change it
   */
  public record TokenResponse(
      String accessToken,
      String refreshToken,
      String tokenType,
      long expiresIn,
      boolean passwordChangeRequired) {}

  public record InviteRequest(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 200) String displayName,
      @NotNull Role role) {}

  public record AcceptInviteRequest(
      @NotBlank @Size(max = 100) String inviteToken,
      @NotBlank @Size(min = 12, max = 128, message = PASSWORD_LENGTH_RULE) String password) {}

  public record PasswordChange(
      @NotBlank @Size(max = 128) String currentPassword,
      @NotBlank @Size(min = 12, max = 128, message = PASSWORD_LENGTH_RULE) String newPassword) {}

  public record RoleChange(@NotNull Role role) {}

  public record StaffView(
      UUID id, String email, String displayName, Role role, StaffStatus status, Instant createdAt) {

    static StaffView of(StaffUser u) {
      return new StaffView(u.id, u.email, u.displayName, u.role, u.status, u.createdAt);
    }
  }

  /** The invitation token appears in this one response only; it is stored hashed. */
  public record InvitationView(StaffView user, String inviteToken, Instant expiresAt) {}
}
