package io.tenantry.tenantapp.demo;

import io.quarkus.security.PermissionsAllowed;
import io.tenantry.common.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Admin-only demo-data generator; answers 404 unless {@code tenantry.tenant.demo.enabled}. */
@Path("/api/v1/demo-data")
public class DemoResource {

  static final int MAX_SUBSCRIBERS = 2_000_000;

  private final DemoDataService service;
  private final DemoConfig config;

  DemoResource(DemoDataService service, DemoConfig config) {
    this.service = service;
    this.config = config;
  }

  @POST
  @PermissionsAllowed("demo:write")
  public DemoDataService.Summary generate(
      @QueryParam("subscribers") @DefaultValue("1000") int subscribers) {
    if (!config.enabled()) {
      throw new NotFoundException();
    }
    if (subscribers < 1 || subscribers > MAX_SUBSCRIBERS) {
      throw ProblemException.invalid("subscribers", "must be between 1 and " + MAX_SUBSCRIBERS);
    }
    return service.generate(subscribers);
  }
}
