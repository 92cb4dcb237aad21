package io.tenantry.controlplane.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the users API. */
public final class UserRequests {

  static final String ROLES = "owner|admin|support|billing";

  private UserRequests() {}

  /** A new platform user. */
  public record Create(
      @NotBlank @Email @Size(max = 254) String email,
      @PasswordPolicy String password,
      @NotBlank @Pattern(regexp = ROLES, message = "must be one of owner, admin, support, billing")
          String role) {}

  /** A change of role or of the enabled flag; absent fields stay as they are. */
  public record Update(
      @Pattern(regexp = ROLES, message = "must be one of owner, admin, support, billing")
          String role,
      Boolean enabled) {}
}
