package io.tenantry.tenantapp.web;

import io.tenantry.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Under /app, every problem becomes an error page: a service's refusal (an unknown id, a conflict),
 * a route that does not exist, a wrong method, the last-resort 500. Staff read pages; the
 * problem+json the API answers with would show them raw JSON. The page says what the problem's
 * detail says, which never holds a stack trace or a secret.
 */
public class WebErrorPages {

  private final WebErrors errors;

  WebErrorPages(WebErrors errors) {
    this.errors = errors;
  }

  @ServerResponseFilter
  public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem
        && StaffWebFilter.isApp(request.getUriInfo().getRequestUri().getPath())) {
      response.setEntity(
          errors.html(problem.status(), problem.detail()),
          null,
          MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
  }
}
