package io.tenantry.operator.config;

/**
 * How the operator authenticates to the shared server; configured as {@code password} or {@code
 * trust}.
 */
public enum AdminAuth {
  /** With the admin password from its Secret or Vault; an empty one is refused. */
  PASSWORD,
  /**
   * Without a password, for a server that trusts the operator's connections (the embedded
   * PostgreSQL of {@code bin/run-local}); never for a shared server in a cluster.
   */
  TRUST
}
