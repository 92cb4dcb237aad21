package io.tenantry.tenantapp.devices;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.UUID;

/** What clients send and receive for devices. */
public final class DeviceDtos {

  private DeviceDtos() {}

  public record DeviceRequest(
      @NotBlank
          @Pattern(regexp = "[A-Za-z0-9-]{4,64}", message = "must be 4-64 of letters, digits and -")
          String serialNumber,
      @NotBlank String macAddress,
      @NotBlank String deviceType,
      UUID subscriberId) {}

  public record DeviceView(
      UUID id,
      String serialNumber,
      String macAddress,
      DeviceType deviceType,
      DeviceStatus status,
      UUID subscriberId,
      Instant createdAt) {

    static DeviceView of(Device d) {
      return new DeviceView(
          d.id,
          d.serialNumber,
          MacAddress.display(d.macAddress),
          d.deviceType,
          d.status,
          d.subscriberId,
          d.createdAt);
    }
  }
}
