package io.tenantry.tenantapp.web;

import io.quarkus.qute.TemplateInstance;
import io.tenantry.tenantapp.subscribers.SubscriberDtos.SubscriberRequest;
import io.tenantry.tenantapp.subscribers.SubscriberService;
import io.tenantry.tenantapp.web.Views.Input;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The new-subscriber form: the API's {@link SubscriberRequest} and its rules. */
@Path("/app/subscribers/new")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class NewSubscriberPage {

  private static final String WRITE = "subscribers:write";

  private final SubscriberService subscribers;
  private final RecordPages records;
  private final Forms forms;

  NewSubscriberPage(SubscriberService subscribers, RecordPages records, Forms forms) {
    this.subscribers = subscribers;
    this.records = records;
    this.forms = forms;
  }

  @GET
  public TemplateInstance form() {
    records.read(null, WRITE);
    return form(new SubscriberRequest("", "", "", "", "", "", ""), Map.of());
  }

  /** A new subscriber starts pending; its page is where the browser goes next. */
  @POST
  public Response create(
      @RestForm("_csrf") String csrf,
      @RestForm String accountNumber,
      @RestForm String name,
      @RestForm String email,
      @RestForm String phone,
      @RestForm String address,
      @RestForm String servicePlan,
      @RestForm String radiusUsername) {
    records.write(null, csrf, WRITE);
    SubscriberRequest request =
        new SubscriberRequest(
            Views.blankToNull(accountNumber),
            Views.blankToNull(name),
            Views.blankToNull(email),
            Views.blankToNull(phone),
            Views.blankToNull(address),
            Views.blankToNull(servicePlan),
            Views.blankToNull(radiusUsername));
    return records.create(
        "subscriber",
        forms.validate(request),
        () -> "/app/subscribers/" + subscribers.create(request).id(),
        errors -> form(request, errors));
  }

  private TemplateInstance form(SubscriberRequest typed, Map<String, String> errors) {
    return records.form(
        "subscribers",
        "New subscriber",
        "/app/subscribers/new",
        List.of(
            Input.text("accountNumber", "Account number", typed.accountNumber(), true),
            Input.text("name", "Name", typed.name(), true),
            Input.of("email", "E-mail", "email", typed.email(), true),
            Input.of("phone", "Phone", "tel", typed.phone(), false),
            Input.text("address", "Address", typed.address(), false),
            Input.text("servicePlan", "Service plan", typed.servicePlan(), true),
            Input.text("radiusUsername", "RADIUS username", typed.radiusUsername(), true)),
        errors,
        "Create subscriber");
  }
}
