package io.tenantry.controlplane.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that forgets to declare a permission: the guard must refuse it. */
@Path("/api/v1/test/undeclared")
public class UndeclaredTestResource {

  @GET
  public String forgotten() {
    return "should never be served";
  }
}
