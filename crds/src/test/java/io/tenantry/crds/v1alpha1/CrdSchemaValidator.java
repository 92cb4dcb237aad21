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
import dev.cel.parser.CelStandardMacro;
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
      CelCompilerFactory.standardCelCompilerBuilder()
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .build();
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

  /**
   * Every rule the manifest breaks on create, as "path: message"; empty when it is valid.
   * Transition rules (those reading oldSelf) apply to updates only, as on an API server.
   */
  List<String> violations(JsonNode manifest) {
    return violations(null, manifest);
  }

  /** Every rule {@code manifest} breaks as an update of {@code old}; empty when it is valid. */
  List<String> violationsOnUpdate(JsonNode old, JsonNode manifest) {
    return violations(old, manifest);
  }

  private List<String> violations(JsonNode old, JsonNode manifest) {
    List<String> violations = new ArrayList<>();
    for (ValidationMessage message : schema.validate(manifest)) {
      violations.add(message.getInstanceLocation() + ": " + message.getMessage());
    }
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("self", TenantCrd.YAML.convertValue(manifest, Map.class));
    if (old != null) {
      variables.put("oldSelf", TenantCrd.YAML.convertValue(old, Map.class));
    }
    for (JsonNode rule : rules) {
      String expression = rule.get("rule").asText();
      if (old == null && expression.contains("oldSelf")) {
        continue;
      }
      if (!evaluate(expression, variables)) {
        violations.add("self: " + rule.path("message").asText());
      }
    }
    return violations;
  }

  private static boolean evaluate(String expression, Map<String, Object> variables) {
    try {
      CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
      return (Boolean) RUNTIME.createProgram(ast).eval(variables);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rule does not evaluate: " + expression, e);
    }
  }
}
