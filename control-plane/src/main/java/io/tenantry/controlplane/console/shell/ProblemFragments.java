package io.tenantry.controlplane.console.shell;

import io.tenantry.common.problem.Problem;
import io.tenantry.controlplane.access.BrowserSession;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refusal on a console page (a 403 from the permission check, a 409 from a service) reaches the
 * browser as a short HTML alert that htmx shows where the result would have gone, with the same
 * status and the same escaped detail the API would have sent as problem+json.
 */
public class ProblemFragments {

  @ServerResponseFilter
  public void toHtml(ResourceInfo resource, ContainerResponseContext response) {
    Class<?> type = resource.getResourceClass();
    if (type == null
        || !type.isAnnotationPresent(BrowserSession.class)
        || !(response.getEntity() instanceof Problem problem)) {
      return;
    }
    response.setEntity(
        "<p class=\"alert\" role=\"alert\">" + Html.escape(problem.detail()) + "</p>",
        null,
        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
  }
}
