package io.tenantry.controlplane.console.shell;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tenantry.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refusal under /console reaches the browser as HTML, never as the API's problem+json, with the
 * same status and the same escaped detail. htmx requests (a 403 from the permission check, a 409
 * from a service) get a short alert shown where the result would have gone; a page the browser
 * navigated to (an unknown address, a tenant that does not exist, a page the role may not see) gets
 * a whole page in the console's style with a way back.
 */
public class ProblemFragments {

  @CheckedTemplate(basePath = "console/ErrorPage")
  static class Templates {
    static native TemplateInstance page(int status, String heading, String detail);
  }

  @ServerResponseFilter
  public void toHtml(ContainerRequestContext request, ContainerResponseContext response) {
    if (!isConsole(request.getUriInfo().getPath())
        || !(response.getEntity() instanceof Problem problem)) {
      return;
    }
    String html =
        "true".equals(request.getHeaderString("HX-Request"))
            ? "<p class=\"alert\" role=\"alert\">" + Html.escape(problem.detail()) + "</p>"
            : Templates.page(problem.status(), heading(problem), problem.detail()).render();
    response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
  }

  private static boolean isConsole(String path) {
    return path.equals("/console") || path.startsWith("/console/");
  }

  private static String heading(Problem problem) {
    return switch (problem.status()) {
      case 404 -> "Page not found";
      case 403 -> "Not allowed";
      default -> problem.title();
    };
  }
}
