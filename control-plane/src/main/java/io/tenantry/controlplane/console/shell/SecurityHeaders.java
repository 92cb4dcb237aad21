package io.tenantry.controlplane.console.shell;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The console's security headers on everything under /console (pages, fragments, event streams, its
 * CSS and JS, its 404s). They are set as the headers are written, so they replace the API's
 * defaults from application.properties rather than adding a second, different policy.
 */
@ApplicationScoped
public class SecurityHeaders {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  void install(@Observes Router router) {
    router
        .route("/console*")
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              context.addHeadersEndHandler(v -> apply(context.response()));
              context.next();
            });
  }

  private static void apply(HttpServerResponse response) {
    response.headers().set("Content-Security-Policy", CSP);
    response.headers().set("X-Content-Type-Options", "nosniff");
    response.headers().set("Referrer-Policy", "same-origin");
    response.headers().set("X-Frame-Options", "DENY");
    String type = response.headers().get("Content-Type");
    if (type == null || type.startsWith("text/html") || type.startsWith("text/event-stream")) {
      response.headers().set("Cache-Control", "no-store");
    }
  }
}
