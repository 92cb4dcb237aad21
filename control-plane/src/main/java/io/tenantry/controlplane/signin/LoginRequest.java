package io.tenantry.controlplane.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials, and a TOTP or recovery code once MFA is enrolled. */
public record LoginRequest(
    @NotBlank @Size(max = 254) String email,
    @NotBlank @Size(max = 1024) String password,
    @Size(max = 10) String totpCode,
    @Size(max = 64) String recoveryCode) {}
