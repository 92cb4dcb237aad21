package io.tenantry.controlplane.signin;

import java.util.UUID;

/**
 * An owner reset a user's MFA, fired inside the reset's transaction: every other kind of session
 * (the console's browser sessions) ends with it, as refresh tokens do.
 */
public record MfaReset(UUID userId) {}
