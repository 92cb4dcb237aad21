package io.tenantry.controlplane.rollouts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last status of one Rollout the watch recorded (JSON), and its resource version. */
@Entity
@Table(name = "rollout_observations")
public class RolloutObservation extends PanacheEntityBase {

  @Id public String name;

  public String uid;

  @Column(name = "resource_version")
  public long resourceVersion;

  public String status;
}
