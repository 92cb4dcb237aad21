package io.tenantry.controlplane.access;

/**
 * A change refused for lack of a permission, fired as a CDI event so that the audit log can record
 * it while access control stays independent of the log (which itself needs access control).
 *
 * @param permission the permission the endpoint needs, or why none would do
 */
public record AccessDenied(String method, String path, String role, String permission) {}
