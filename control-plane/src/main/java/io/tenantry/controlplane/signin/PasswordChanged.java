package io.tenantry.controlplane.signin;

import java.util.UUID;

/**
 * A user changed their password, fired inside the change's transaction: every other kind of session
 * (the console's browser sessions) ends with it, as refresh tokens do.
 */
public record PasswordChanged(UUID userId) {}
