package io.tenantry.tenantapp.devices;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code devices}. */
public class Device {

  static final Table<Device> TABLE =
      new Table<>(
          "devices",
          "device",
          "id, serial_number, mac_address, device_type, status, subscriber_id, created_at",
          Device::read);

  public UUID id;
  public String serialNumber;

  /** Normalised, see {@link MacAddress}. */
  public String macAddress;

  public DeviceType deviceType;
  public DeviceStatus status;
  public UUID subscriberId;
  public Instant createdAt;

  private static Device read(ResultSet row) throws SQLException {
    Device d = new Device();
    d.id = Db.uuid(row, "id");
    d.serialNumber = row.getString("serial_number");
    d.macAddress = row.getString("mac_address");
    d.deviceType = Db.enumOf(DeviceType.class, row, "device_type");
    d.status = Db.enumOf(DeviceStatus.class, row, "status");
    d.subscriberId = Db.uuid(row, "subscriber_id");
    d.createdAt = Db.instant(row, "created_at");
    return d;
  }
}
