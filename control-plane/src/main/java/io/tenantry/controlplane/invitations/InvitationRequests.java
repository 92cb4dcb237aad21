package io.tenantry.controlplane.invitations;

import io.tenantry.controlplane.users.PasswordPolicy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the invitations API. */
public final class InvitationRequests {

  private InvitationRequests() {}

  /** An owner invites an email with a role. */
  public record Create(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank
          @Pattern(
              regexp = "owner|admin|support|billing",
              message = "must be one of owner, admin, support, billing")
          String role) {}

  /** The invitee accepts with the link's token and the password they choose. */
  public record Accept(@NotBlank @Size(max = 128) String token, @PasswordPolicy String password) {}
}
