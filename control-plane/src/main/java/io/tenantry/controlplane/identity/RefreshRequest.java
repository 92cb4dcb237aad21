package io.tenantry.controlplane.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token presented for rotation or logout. */
public record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {}
