package io.tenantry.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.tenantry.crds.v1alpha1.TenantRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * What a real API server does with the Tenant CRD's schema and CEL rules and the mock server does
 * not: creates, replacements and patches of a Tenant that break {@link TenantRules} are answered
 * 422 Invalid with one cause per field, as kubectl shows them. A patch (JSON merge or JSON patch)
 * is checked by the Tenant it would leave, the stored one with the patch applied.
 */
final class TenantAdmission {

  static final String COLLECTION = "/apis/tenantry.io/v1alpha1/tenants";

  private TenantAdmission() {}

  /** The Tenant {@code patch} would leave, or null when there is none to patch. */
  private static JsonNode patched(String stored, JsonNode patch, String contentType)
      throws IOException {
    if (stored == null) {
      return null;
    }
    JsonNode current = Serialization.jsonMapper().readTree(stored);
    if (contentType != null && contentType.startsWith("application/json-patch+json")) {
      return JsonPatch.apply(patch, current);
    }
    return ServerSideApply.merge(current, patch);
  }

  /**
   * The refusal for {@code request}, or null when it is not a Tenant write or the Tenant is valid.
   */
  static MockResponse refusal(
      RecordedRequest request, String path, Function<String, String> stored) {
    boolean create = "POST".equals(request.getMethod()) && path.equals(COLLECTION);
    boolean object = path.matches(COLLECTION + "/[^/]+");
    boolean replace = "PUT".equals(request.getMethod()) && object;
    boolean patch = "PATCH".equals(request.getMethod()) && object;
    if ((!create && !replace && !patch) || request.getBody() == null) {
      return null;
    }
    JsonNode tenant;
    try {
      // getBytes leaves the body for the CRUD store to read.
      JsonNode body =
          Serialization.jsonMapper()
              .readTree(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
      tenant = patch ? patched(stored.apply(path), body, request.getHeader("Content-Type")) : body;
    } catch (IOException | RuntimeException e) {
      // not JSON, or a patch that does not apply: the CRUD store answers it as it does
      return null;
    }
    if (tenant == null) {
      return null;
    }
    List<TenantRules.Violation> violations = TenantRules.check(tenant);
    if (violations.isEmpty()) {
      return null;
    }
    String name = tenant.at("/metadata/name").asText("");
    List<StatusCause> causes =
        violations.stream()
            .map(
                v ->
                    new StatusCauseBuilder()
                        .withField(v.field())
                        .withMessage(v.rule())
                        .withReason("FieldValueInvalid")
                        .build())
            .toList();
    Object status =
        new StatusBuilder()
            .withStatus("Failure")
            .withReason("Invalid")
            .withCode(422)
            .withMessage("Tenant.tenantry.io \"" + name + "\" is invalid: " + violations)
            .withNewDetails()
            .withGroup("tenantry.io")
            .withKind("tenants")
            .withName(name)
            .withCauses(causes)
            .endDetails()
            .build();
    return new MockResponse()
        .setResponseCode(422)
        .addHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(status));
  }
}
