package io.tenantry.controlplane.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The first code from the authenticator app. */
public record MfaConfirmation(@NotBlank @Pattern(regexp = "\\d{6}") String code) {}
