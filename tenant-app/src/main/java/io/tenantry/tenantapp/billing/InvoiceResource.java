package io.tenantry.tenantapp.billing;

import io.quarkus.security.PermissionsAllowed;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceRequest;
import io.tenantry.tenantapp.billing.InvoiceDtos.InvoiceView;
import io.tenantry.tenantapp.common.Enums;
import io.tenantry.tenantapp.common.StatusChange;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.entitlements.RequiresFeature;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1/invoices")
@RequiresFeature("invoicing")
public class InvoiceResource {

  private final InvoiceService service;

  InvoiceResource(InvoiceService service) {
    this.service = service;
  }

  @POST
  @PermissionsAllowed("billing:write")
  public Response create(@Valid @NotNull InvoiceRequest body) {
    InvoiceView created = service.create(body);
    return Response.created(URI.create("/api/v1/invoices/" + created.id())).entity(created).build();
  }

  @GET
  @PermissionsAllowed("billing:read")
  public Page<InvoiceView> list(
      @QueryParam("status") String status,
      @QueryParam("subscriberId") UUID subscriberId,
      @QueryParam("dueBefore") String dueBefore,
      @QueryParam("sort") @DefaultValue("createdAt") String sort,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    InvoiceService.Filter filter =
        new InvoiceService.Filter(
            Enums.parse(InvoiceStatus.class, "status", status), subscriberId, date(dueBefore));
    return service.list(filter, sort, cursor, limit);
  }

  @GET
  @Path("{id}")
  @PermissionsAllowed("billing:read")
  public InvoiceView get(UUID id) {
    return service.get(id);
  }

  @PUT
  @Path("{id}")
  @PermissionsAllowed("billing:write")
  public InvoiceView update(UUID id, @Valid @NotNull InvoiceRequest body) {
    return service.update(id, body);
  }

  @POST
  @Path("{id}/status")
  @PermissionsAllowed("billing:write")
  public InvoiceView changeStatus(UUID id, @Valid @NotNull StatusChange body) {
    return service.changeStatus(id, body.as(InvoiceStatus.class));
  }

  private static LocalDate date(String value) {
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("dueBefore", "must be a date such as 2026-01-31");
    }
  }
}
