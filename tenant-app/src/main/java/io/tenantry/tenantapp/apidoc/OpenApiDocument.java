package io.tenantry.tenantapp.apidoc;

import io.tenantry.tenantapp.common.Resources;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the API's OpenAPI document at {@code /q/openapi} (YAML; JSON with {@code ?format=json} or
 * an {@code Accept: application/json}), as SmallRye OpenAPI did, from the two files in {@code
 * openapi/} on the class path.
 *
 * <p>Why not the extension itself: it re-reads its build-time document at every start, parses it
 * into its model and writes it out again as JSON and YAML: ~400 classes (smallrye-open-api, the
 * MicroProfile model, snakeyaml), all of which the AOT cache then loads at every start (measured:
 * ~6 MiB less RSS idle, ~3 MiB less after work without them). So the extension is a test dependency
 * only: it generates the document from the code in the tests, and {@code OpenApiDocumentTest}
 * fails, with the files to copy, when the stored document is not the one the code generates.
 */
@ApplicationScoped
public class OpenApiDocument {

  static final String JSON = "openapi/openapi.json";
  static final String YAML = "openapi/openapi.yaml";

  private final String path;

  OpenApiDocument(
      @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
          String nonApplicationRoot) {
    this.path = nonApplicationPath(nonApplicationRoot) + "openapi";
  }

  void install(@Observes Router router) {
    // blocking: the document is read from the application jar at each (rare) request rather than
    // kept in the heap of every tenant app
    router.get(path).blockingHandler(this::serve, false);
    router.head(path).blockingHandler(this::serve, false);
  }

  private void serve(RoutingContext rc) {
    boolean json = wantsJson(rc.request().getParam("format"), rc.request().getHeader("Accept"));
    byte[] body = Resources.read(json ? JSON : YAML);
    rc.response()
        .putHeader(
            "Content-Type", (json ? "application/json" : "application/yaml") + ";charset=UTF-8")
        .end(Buffer.buffer(body));
  }

  /** As the extension decides: the format parameter first, then the Accept header; else YAML. */
  static boolean wantsJson(String format, String accept) {
    if (format != null) {
      return format.toLowerCase(Locale.ROOT).equals("json");
    }
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
  }

  private static String nonApplicationPath(String root) {
    String rooted = root.startsWith("/") ? root : "/" + root;
    return rooted.endsWith("/") ? rooted : rooted + "/";
  }
}
