package io.tenantry.tenantapp.devices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "devices")
public class Device extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "serial_number")
  public String serialNumber;

  /** Normalised, see {@link MacAddress}. */
  @Column(name = "mac_address")
  public String macAddress;

  @Enumerated(EnumType.STRING)
  @Column(name = "device_type")
  public DeviceType deviceType;

  @Enumerated(EnumType.STRING)
  public DeviceStatus status;

  @Column(name = "subscriber_id")
  public UUID subscriberId;

  @Column(name = "created_at")
  public Instant createdAt;
}
