package io.tenantry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Server-side apply, as far as the platform's clients need it, for the CRUD mock server that has
 * none: an apply patch creates the object when it does not exist and is merged into it (RFC 7386)
 * when it does. Unlike a real API server it does not track field managers, so a field an applier
 * stops sending stays; the operator always sends its whole desired state. So the operator as built
 * for production (apply on) runs against the embedded API server unchanged.
 */
final class ServerSideApply {

  static final String APPLY_PATCH = "application/apply-patch+yaml";

  private ServerSideApply() {}

  static boolean isApply(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    return "PATCH".equals(request.getMethod()) && type != null && type.startsWith(APPLY_PATCH);
  }

  /**
   * The plain request that applies {@code request}: a replace of the existing object (or of its
   * status) with the apply merged in as an RFC 7386 merge patch (the mock server's own merge patch
   * appends to lists), or a create in its collection; {@code stored} reads the object at a path
   * (null when it does not exist).
   */
  static RecordedRequest translate(RecordedRequest request, Function<String, String> stored) {
    String path = request.getPath().replaceAll("\\?.*$", "");
    boolean status = path.endsWith("/status");
    String objectPath = status ? path.substring(0, path.length() - "/status".length()) : path;
    JsonNode apply = Serialization.unmarshal(request.getUtf8Body(), JsonNode.class);
    String existing = stored.apply(objectPath);
    if (existing == null) {
      String collection = objectPath.substring(0, objectPath.lastIndexOf('/'));
      return request(HttpMethod.POST, collection, apply);
    }
    JsonNode merged = merge(Serialization.unmarshal(existing, JsonNode.class), apply);
    if (merged instanceof ObjectNode object && object.get("metadata") instanceof ObjectNode meta) {
      meta.remove("resourceVersion"); // an apply never conflicts
    }
    return request(HttpMethod.PUT, path, merged);
  }

  /** RFC 7386: objects merge member by member, null removes, anything else replaces. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ObjectNode patchObject)) {
      return patch;
    }
    ObjectNode result =
        target instanceof ObjectNode targetObject
            ? targetObject.deepCopy()
            : Serialization.jsonMapper().createObjectNode();
    patchObject
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isNull()) {
                result.remove(field.getKey());
              } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
              }
            });
    return result;
  }

  private static RecordedRequest request(HttpMethod method, String path, JsonNode body) {
    byte[] json = Serialization.asJson(body).getBytes(StandardCharsets.UTF_8);
    return new RecordedRequest(
        "HTTP/1.1", method, path, headers("application/json"), new Buffer(json));
  }

  private static Headers headers(String contentType) {
    return Headers.builder().add("Content-Type", contentType).build();
  }
}
