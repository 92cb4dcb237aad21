package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates manifests the way an API server would with this CRD version: the {@code
 * openAPIV3Schema} through a JSON Schema validator, then the root {@code x-kubernetes-validations}
 * CEL rules through the CEL reference implementation.
 */
final class CrdSchemaValidator {

  private static final CelCompiler CEL =
      CelCompilerFactory.standardCelCompilerBuilder().addVar("self", SimpleType.DYN).build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final JsonSchema schema;
  private final JsonNode rules;

  CrdSchemaValidator(JsonNode crdVersion) {
    JsonNode openApi = crdVersion.at("/schema/openAPIV3Schema");
    this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi);
    this.rules = openApi.path("x-kubernetes-validations");
  }

  static JsonNode yaml(String text) {
    try {
      return TenantCrd.YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Every rule the manifest breaks, as "path: message"; empty when it is valid. */
  List<String> violations(JsonNode manifest) {
    List<String> violations = new ArrayList<>();
    for (ValidationMessage message : schema.validate(manifest)) {
      violations.add(message.getInstanceLocation() + ": " + message.getMessage());
    }
    Map<?, ?> self = TenantCrd.YAML.convertValue(manifest, Map.class);
    for (JsonNode rule : rules) {
      if (!evaluate(rule.get("rule").asText(), self)) {
        violations.add("metadata.name: " + rule.path("message").asText());
      }
    }
    return violations;
  }

  private static boolean evaluate(String expression, Map<?, ?> self) {
    try {
      CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
      return (Boolean) RUNTIME.createProgram(ast).eval(Map.of("self", self));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rule does not evaluate: " + expression, e);
    }
  }
}
