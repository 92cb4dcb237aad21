package io.tenantry.tenantapp.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Error pages of the web app: a status and a sentence, never a stack trace. */
@ApplicationScoped
public class WebErrors {

  private final Template error;
  private final Tenant tenant;

  WebErrors(@Location("app/error.html") Template error, Tenant tenant) {
    this.error = error;
    this.tenant = tenant;
  }

  public Response page(int status, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html(status, message))
        .build();
  }

  String html(int status, String message) {
    return error
        .data("tenantName", tenant.displayName())
        .data("status", status)
        .data("message", message)
        .render();
  }

  /** A refusal thrown by a page. */
  @Provider
  public static class RefusalMapper implements ExceptionMapper<WebRefusal> {

    private final WebErrors errors;

    RefusalMapper(WebErrors errors) {
      this.errors = errors;
    }

    @Override
    public Response toResponse(WebRefusal refusal) {
      return errors.page(refusal.status(), refusal.getMessage());
    }
  }
}
