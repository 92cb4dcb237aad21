package io.tenantry.tenantapp.devices;

import io.tenantry.tenantapp.common.Clock;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.common.Lifecycle;
import io.tenantry.tenantapp.common.ListQuery;
import io.tenantry.tenantapp.common.Page;
import io.tenantry.tenantapp.common.ProblemException;
import io.tenantry.tenantapp.common.SortField;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceRequest;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceView;
import io.tenantry.tenantapp.subscribers.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DeviceService {

  private static final Map<String, SortField<Device>> SORTS =
      Map.of(
          "createdAt", SortField.instant("createdAt", d -> d.createdAt),
          "serialNumber", SortField.text("serialNumber", d -> d.serialNumber));

  private final EntityManager em;

  DeviceService(EntityManager em) {
    this.em = em;
  }

  /** Filters of a device list; null means "any". */
  public record Filter(DeviceStatus status, DeviceType deviceType, UUID subscriberId, String mac) {}

  @Transactional
  public DeviceView create(DeviceRequest request) {
    Device d = new Device();
    d.id = UUID.randomUUID();
    d.status = DeviceStatus.in_stock;
    d.createdAt = Clock.now();
    apply(d, request);
    d.persistAndFlush();
    return DeviceView.of(d);
  }

  @Transactional
  public DeviceView get(UUID id) {
    return DeviceView.of(find(id));
  }

  @Transactional
  public DeviceView update(UUID id, DeviceRequest request) {
    Device d = find(id);
    apply(d, request);
    d.flush();
    return DeviceView.of(d);
  }

  @Transactional
  public DeviceView changeStatus(UUID id, DeviceStatus to) {
    Device d = find(id);
    Lifecycle.check("device", d.status, to);
    d.status = to;
    return DeviceView.of(d);
  }

  @Transactional
  public Page<DeviceView> list(Filter filter, String sort, String cursor, int limit) {
    String mac =
        filter.mac() == null
            ? null
            : MacAddress.normalise(filter.mac())
                .orElseThrow(() -> ProblemException.invalid("mac", "must be a MAC address"));
    return new ListQuery<>(Device.class, SORTS, (Device d) -> d.id)
        .filter("e.status = :status", "status", filter.status())
        .filter("e.deviceType = :type", "type", filter.deviceType())
        .filter("e.subscriberId = :subscriber", "subscriber", filter.subscriberId())
        .filter("e.macAddress = :mac", "mac", mac)
        .fetch(em, sort, cursor, limit)
        .map(DeviceView::of);
  }

  private static Device find(UUID id) {
    Device d = Device.findById(id);
    if (d == null) {
      throw ProblemException.notFound("device", id);
    }
    return d;
  }

  private static void apply(Device d, DeviceRequest r) {
    d.serialNumber = r.serialNumber();
    d.macAddress =
        MacAddress.normalise(r.macAddress())
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "macAddress",
                        "must be a MAC address such as aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF,"
                            + " aabb.ccdd.eeff or aabbccddeeff"));
    d.deviceType = Enums.parse(DeviceType.class, "deviceType", r.deviceType());
    if (r.subscriberId() != null && Subscriber.findById(r.subscriberId()) == null) {
      throw ProblemException.invalid("subscriberId", "must name an existing subscriber");
    }
    d.subscriberId = r.subscriberId();
  }
}
