package io.tenantry.tenantapp.web;

import io.tenantry.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A NUL character in a query or path parameter ({@code ?q=%00}) is refused before any resource sees
 * it: PostgreSQL cannot store or compare one, and the statement would fail with a 500.
 */
public class NulInParameters {

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> refuseNul(ContainerRequestContext request) {
    Optional<String> query = firstWithNul(request.getUriInfo().getQueryParameters());
    if (query.isPresent()) {
      return Optional.of(Problem.invalid(query.get(), StrictJson.NO_NUL).toResponse());
    }
    if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
      return Optional.of(Problem.invalid("path", StrictJson.NO_NUL).toResponse());
    }
    return Optional.empty();
  }

  private static Optional<String> firstWithNul(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (parameter.getKey().indexOf('\0') >= 0
          || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
        return Optional.of(parameter.getKey().replace('\0', '?'));
      }
    }
    return Optional.empty();
  }
}
