package io.tenantry.tenantapp.web;

import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.devices.DeviceDtos.DeviceRequest;
import io.tenantry.tenantapp.devices.DeviceService;
import io.tenantry.tenantapp.devices.DeviceType;
import io.tenantry.tenantapp.devices.MacAddress;
import io.tenantry.tenantapp.web.Views.Input;
import io.tenantry.tenantapp.web.Views.Option;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** The new-device form: the API's {@link DeviceRequest} and its rules, filled in by people. */
@Path("/app/devices/new")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class NewDevicePage {

  private static final String WRITE = "devices:write";

  private final DeviceService devices;
  private final SubscriberLookup lookup;
  private final RecordPages records;
  private final Forms forms;

  NewDevicePage(DeviceService devices, SubscriberLookup lookup, RecordPages records, Forms forms) {
    this.devices = devices;
    this.lookup = lookup;
    this.records = records;
    this.forms = forms;
  }

  @GET
  public TemplateInstance form() {
    records.read(null, WRITE);
    return form("", "", DeviceType.values()[0].toString(), "", Map.of());
  }

  /**
   * The API's {@link DeviceRequest} and its rules; the subscriber, if any, by account number. A new
   * device is in stock.
   */
  @POST
  public Response create(
      @RestForm("_csrf") String csrf,
      @RestForm String serialNumber,
      @RestForm String macAddress,
      @RestForm String deviceType,
      @RestForm String account) {
    records.write(null, csrf, WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    UUID subscriberId = null;
    if (Views.blankToNull(account) != null) {
      try {
        subscriberId = lookup.byIdentifier("account", account);
      } catch (ProblemException e) {
        errors.putAll(Forms.errorsOf(e));
      }
    }
    DeviceRequest request =
        new DeviceRequest(
            Views.blankToNull(serialNumber),
            Views.blankToNull(macAddress),
            Views.blankToNull(deviceType),
            subscriberId);
    forms.validate(request).forEach(errors::putIfAbsent);
    // the service's own rule, checked here too so that the form shows every error at once
    if (request.macAddress() != null && MacAddress.normalise(request.macAddress()).isEmpty()) {
      errors.putIfAbsent("macAddress", MacAddress.RULE);
    }
    return records.create(
        "device",
        errors,
        () -> "/app/devices/" + devices.create(request).id(),
        found -> form(serialNumber, macAddress, deviceType, account, found));
  }

  private TemplateInstance form(
      String serial, String mac, String type, String account, Map<String, String> errors) {
    return records.form(
        "devices",
        "New device",
        "/app/devices/new",
        List.of(
            Input.text("serialNumber", "Serial number", serial, true),
            Input.text("macAddress", "MAC address", mac, true),
            Input.select(
                "deviceType",
                "Type",
                type,
                Arrays.stream(DeviceType.values())
                    .map(t -> new Option(t.toString(), t.toString().replace('_', ' ')))
                    .toList()),
            Input.text("account", "Subscriber account number", account, false)),
        errors,
        "Create device");
  }
}
