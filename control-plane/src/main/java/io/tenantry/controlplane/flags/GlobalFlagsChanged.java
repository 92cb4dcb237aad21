package io.tenantry.controlplane.flags;

/** Fired inside the transaction that changed a global switch; observed after it commits. */
public record GlobalFlagsChanged() {}
