package io.tenantry.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Server-side apply, as far as the platform's clients need it, for the CRUD mock server that has
 * none: an apply patch creates the object when it does not exist and is merged into it (JSON merge
 * patch) when it does. Unlike a real API server it does not track field managers, so a field an
 * applier stops sending stays; the operator always sends its whole desired state. So the operator
 * as built for production (apply on) runs against the embedded API server unchanged.
 */
final class ServerSideApply {

  static final String APPLY_PATCH = "application/apply-patch+yaml";

  private ServerSideApply() {}

  static boolean isApply(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    return "PATCH".equals(request.getMethod()) && type != null && type.startsWith(APPLY_PATCH);
  }

  /**
   * The plain requests that apply {@code request}: a merge patch of the existing object, or a
   * create in its collection; {@code exists} tells whether the object at a path exists.
   */
  static RecordedRequest translate(RecordedRequest request, Function<String, Boolean> exists) {
    String path = request.getPath().replaceAll("\\?.*$", "");
    JsonNode body = Serialization.unmarshal(request.getUtf8Body(), JsonNode.class);
    byte[] json = Serialization.asJson(body).getBytes(StandardCharsets.UTF_8);
    boolean status = path.endsWith("/status");
    if (status || exists.apply(path)) {
      return new RecordedRequest(
          "HTTP/1.1",
          HttpMethod.PATCH,
          path,
          headers("application/merge-patch+json"),
          new Buffer(json));
    }
    String collection = path.substring(0, path.lastIndexOf('/'));
    return new RecordedRequest(
        "HTTP/1.1", HttpMethod.POST, collection, headers("application/json"), new Buffer(json));
  }

  private static Headers headers(String contentType) {
    return Headers.builder().add("Content-Type", contentType).build();
  }
}
