package io.tenantry.controlplane.flags;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A catalogue entry: a flag, its default and its global switch. */
@Entity
@Table(name = "feature_flags")
public class FeatureFlag extends PanacheEntityBase {

  @Id public String key;

  public String description;

  @Column(name = "default_enabled")
  public boolean defaultEnabled;

  /** The global switch; null when unset. */
  @Column(name = "global_enabled")
  public Boolean globalEnabled;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
