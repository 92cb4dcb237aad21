package io.tenantry.controlplane.web;

import io.tenantry.common.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A NUL character in a query or path parameter ({@code ?q=%00}) is refused before any resource sees
 * it: PostgreSQL cannot take it in a text value and would answer with an error instead of a result.
 */
public class NulParameterFilter {

  @ServerRequestFilter(preMatching = true)
  public void refuseNul(ContainerRequestContext request) {
    refuseNul(request.getUriInfo().getQueryParameters());
    refuseNul(request.getUriInfo().getPathParameters());
    if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
      throw ProblemException.invalid("path", "must not contain a NUL character");
    }
  }

  private static void refuseNul(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (parameter.getKey().indexOf('\0') >= 0
          || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
        throw ProblemException.invalid(
            parameter.getKey().replace('\0', '?'), "must not contain a NUL character");
      }
    }
  }
}
