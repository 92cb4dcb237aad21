package io.tenantry.controlplane.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Audit log limits. */
@ConfigMapping(prefix = "tenantry.audit")
public interface AuditConfig {

  /** Most rows one export returns; the response says when it was cut short. */
  @WithDefault("10000")
  int exportMaxRows();

  /** Largest page size the list endpoint accepts. */
  @WithDefault("200")
  int maxPageSize();
}
