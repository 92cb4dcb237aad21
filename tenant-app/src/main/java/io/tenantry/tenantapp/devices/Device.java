package io.tenantry.tenantapp.devices;

import static io.tenantry.tenantapp.db.Column.Reader.ID;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;
import static io.tenantry.tenantapp.db.Column.Reader.enumOf;

import io.tenantry.tenantapp.db.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code devices}. */
public class Device {

  static final Table<Device> TABLE =
      Table.of("devices", "device", Device::new)
          .key("id", d -> d.id, (d, v) -> d.id = v)
          .column("serial_number", TEXT, d -> d.serialNumber, (d, v) -> d.serialNumber = v)
          .column("mac_address", TEXT, d -> d.macAddress, (d, v) -> d.macAddress = v)
          .column(
              "device_type",
              enumOf(DeviceType.class),
              d -> d.deviceType,
              (d, v) -> d.deviceType = v)
          .column("status", enumOf(DeviceStatus.class), d -> d.status, (d, v) -> d.status = v)
          .column("subscriber_id", ID, d -> d.subscriberId, (d, v) -> d.subscriberId = v)
          .fixed("created_at", TIMESTAMP, d -> d.createdAt, (d, v) -> d.createdAt = v)
          .build();

  public UUID id;
  public String serialNumber;

  /** Normalised, see {@link MacAddress}. */
  public String macAddress;

  public DeviceType deviceType;
  public DeviceStatus status;
  public UUID subscriberId;
  public Instant createdAt;
}
