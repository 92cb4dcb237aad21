package io.tenantry.operator.config;

/** Where tenant databases live; configured as {@code shared-server} or {@code cloudnative-pg}. */
public enum DatabaseMode {
  /** A database and role per tenant on one PostgreSQL server the operator administers. */
  SHARED_SERVER,
  /** A CloudNativePG Cluster in each tenant namespace. */
  CLOUDNATIVE_PG
}
