package io.tenantry.controlplane.signin;

import io.tenantry.controlplane.users.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A signed-in user's new password; the current one proves that it is really them. */
public record PasswordChange(
    @NotBlank @Size(max = 1024) String currentPassword, @PasswordPolicy String newPassword) {}
