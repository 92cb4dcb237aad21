package io.tenantry.tenantapp.devices;

public enum DeviceType {
  ONU,
  CPE,
  ROUTER
}
