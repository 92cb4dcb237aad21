package io.tenantry.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.tenantry.crds.v1alpha1.TenantRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a real API server does with the Tenant CRD's schema and CEL rules and the mock server does
 * not: creates and replacements of a Tenant that break {@link TenantRules} are answered 422 Invalid
 * with one cause per field, as kubectl shows them. (A PATCH is stored as sent: the operator and the
 * control plane refuse what it leaves invalid.)
 */
final class TenantAdmission {

  static final String COLLECTION = "/apis/tenantry.io/v1alpha1/tenants";

  private TenantAdmission() {}

  /**
   * The refusal for {@code request}, or null when it is not a Tenant write or the Tenant is valid.
   */
  static MockResponse refusal(RecordedRequest request, String path) {
    boolean create = "POST".equals(request.getMethod()) && path.equals(COLLECTION);
    boolean replace = "PUT".equals(request.getMethod()) && path.matches(COLLECTION + "/[^/]+");
    if ((!create && !replace) || request.getBody() == null) {
      return null;
    }
    JsonNode tenant;
    try {
      // getBytes leaves the body for the CRUD store to read.
      tenant =
          Serialization.jsonMapper()
              .readTree(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
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
