package io.tenantry.controlplane.access;

import java.util.UUID;

/** The signed-in, enabled platform user a request comes from. */
public record Caller(UUID id, String email, Role role) {}
