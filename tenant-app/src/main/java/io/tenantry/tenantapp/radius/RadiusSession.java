package io.tenantry.tenantapp.radius;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One RADIUS accounting session; active while {@code endedAt} is null. */
@Entity
@Table(name = "radius_sessions")
public class RadiusSession extends PanacheEntityBase {

  @Id public UUID id;

  public String username;

  @Column(name = "nas_ip")
  public String nasIp;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "bytes_in")
  public long bytesIn;

  @Column(name = "bytes_out")
  public long bytesOut;

  @Column(name = "terminate_cause")
  public String terminateCause;
}
