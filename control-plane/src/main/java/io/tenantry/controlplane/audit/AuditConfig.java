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

  /**
   * How often the chain's head is signed into {@code audit_anchors} (a duration such as {@code 5m},
   * or {@code off}). Rows deleted after the newest anchor show in verification; rows appended after
   * it and then deleted do not, so this bounds how much of the newest history can vanish unseen.
   */
  @WithDefault("5m")
  String anchorInterval();
}
