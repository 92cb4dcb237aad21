package io.tenantry.tenantapp.devices;

import io.tenantry.tenantapp.common.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/** Lower-case constants: they are the API and database values as they stand. */
public enum DeviceStatus implements Lifecycle<DeviceStatus> {
  in_stock,
  active,
  faulty,
  retired;

  @Override
  public Set<DeviceStatus> next() {
    return switch (this) {
      case in_stock -> EnumSet.of(active, retired);
      case active -> EnumSet.of(in_stock, faulty, retired);
      case faulty -> EnumSet.of(in_stock, retired);
      case retired -> EnumSet.noneOf(DeviceStatus.class);
    };
  }
}
