package io.tenantry.tenantapp.devices;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.common.Lifecycle;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.ListQuery;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.db.SortField;
import io.tenantry.tenantapp.db.Timestamps;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceRequest;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DeviceService {

  private static final Map<String, SortField<Device>> SORTS =
      Map.of(
          "createdAt", SortField.instant("created_at", d -> d.createdAt),
          "serialNumber", SortField.text("serial_number", d -> d.serialNumber));

  private final Db db;

  DeviceService(Db db) {
    this.db = db;
  }

  /** Filters of a device list; null means "any". */
  public record Filter(DeviceStatus status, DeviceType deviceType, UUID subscriberId, String mac) {}

  @Transactional
  public DeviceView create(DeviceRequest request) {
    Device d = new Device();
    d.id = UUID.randomUUID();
    d.status = DeviceStatus.in_stock;
    d.createdAt = Timestamps.now();
    apply(d, request);
    db.insert(Device.TABLE, d);
    return DeviceView.of(d);
  }

  @Transactional
  public DeviceView get(UUID id) {
    return DeviceView.of(db.get(Device.TABLE, id));
  }

  @Transactional
  public DeviceView update(UUID id, DeviceRequest request) {
    Device d = db.lock(Device.TABLE, id);
    apply(d, request);
    db.update(Device.TABLE, d);
    return DeviceView.of(d);
  }

  @Transactional
  public DeviceView changeStatus(UUID id, DeviceStatus to) {
    Device d = db.lock(Device.TABLE, id);
    Lifecycle.check("device", d.status, to);
    d.status = to;
    db.update(Device.TABLE, d);
    return DeviceView.of(d);
  }

  @Transactional
  public Page<DeviceView> list(Filter filter, String sort, String cursor, int limit) {
    String mac =
        filter.mac() == null
            ? null
            : MacAddress.normalise(filter.mac())
                .orElseThrow(() -> ProblemException.invalid("mac", "must be a MAC address"));
    return new ListQuery<>(Device.TABLE, SORTS, (Device d) -> d.id)
        .filter("status = ?", filter.status())
        .filter("device_type = ?", filter.deviceType())
        .filter("subscriber_id = ?", filter.subscriberId())
        .filter("mac_address = ?", mac)
        .fetch(db, sort, cursor, limit)
        .map(DeviceView::of);
  }

  private void apply(Device d, DeviceRequest r) {
    d.serialNumber = r.serialNumber();
    d.macAddress =
        MacAddress.normalise(r.macAddress())
            .orElseThrow(() -> ProblemException.invalid("macAddress", MacAddress.RULE));
    d.deviceType = Enums.parse(DeviceType.class, "deviceType", r.deviceType());
    if (r.subscriberId() != null && !db.exists("subscribers", r.subscriberId())) {
      throw ProblemException.invalid("subscriberId", "must name an existing subscriber");
    }
    d.subscriberId = r.subscriberId();
  }
}
