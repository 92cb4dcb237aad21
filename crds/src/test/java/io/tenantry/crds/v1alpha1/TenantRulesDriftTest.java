package io.tenantry.crds.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TenantRules and the committed CRD cannot drift apart: every constraint of the CRD's spec schema
 * (pattern, length, enum, minimum, required, type) is turned into a manifest that breaks it alone,
 * and both the schema (as an API server applies it) and TenantRules must refuse it, naming the same
 * field. The CEL rules on the name are compared over a corpus of names.
 */
class TenantRulesDriftTest {

  private static final CrdSchemaValidator SCHEMA = new CrdSchemaValidator(TenantCrd.version());

  static ObjectNode valid() {
    return (ObjectNode)
        CrdSchemaValidator.yaml(
            """
            apiVersion: tenantry.io/v1alpha1
            kind: Tenant
            metadata: {name: acme}
            spec:
              displayName: Acme Fiber Ltd
              plan: professional
              region: eu-west-1
              deletionPolicy: Retain
              suspended: false
              appVersion: 1.4.2
              rolloutVersion: 1.5.0
              database: {reattachRetained: false}
              entitlements:
                seats: 25
                expiresAt: 2027-01-31T00:00:00Z
                gracePeriodDays: 14
                licenseStatus: active
                features: {radius: true}
            """);
  }

  /** One manifest per constraint of the spec schema, each breaking that constraint only. */
  static Stream<Arguments> everyConstraintOfTheSchema() {
    List<Arguments> cases = new ArrayList<>();
    walk(TenantCrd.openApiSchema().at("/properties/spec"), "spec", cases);
    return cases.stream();
  }

  private static void walk(JsonNode schema, String path, List<Arguments> cases) {
    for (JsonNode required : schema.path("required")) {
      String field = path + "." + required.asText();
      cases.add(
          Arguments.of(
              field, "required", (Consumer<ObjectNode>) m -> parent(m, field).remove(last(field))));
    }
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String field = path + "." + property.getKey();
      JsonNode constraints = property.getValue();
      if ("object".equals(constraints.path("type").asText()) && constraints.has("properties")) {
        walk(constraints, field, cases);
        continue;
      }
      breaking(constraints)
          .forEach(
              (rule, value) ->
                  cases.add(
                      Arguments.of(
                          field,
                          rule,
                          (Consumer<ObjectNode>) m -> parent(m, field).set(last(field), value))));
    }
  }

  /** A value breaking each constraint of one property, by constraint. */
  private static Map<String, JsonNode> breaking(JsonNode constraints) {
    Map<String, JsonNode> values = new java.util.TreeMap<>();
    if (constraints.has("pattern")) {
      values.put("pattern", TextNode.valueOf("!"));
    }
    if (constraints.has("maxLength")) {
      values.put(
          "maxLength", TextNode.valueOf("a".repeat(constraints.get("maxLength").asInt() + 1)));
    }
    if (constraints.has("minLength") && constraints.get("minLength").asInt() > 0) {
      values.put("minLength", TextNode.valueOf(""));
    }
    if (constraints.has("enum")) {
      values.put("enum", TextNode.valueOf("platinum"));
    }
    if (constraints.has("minimum")) {
      values.put(
          "minimum",
          TenantCrd.YAML.getNodeFactory().numberNode(constraints.get("minimum").asLong() - 1));
    }
    switch (constraints.path("type").asText()) {
      case "boolean" -> values.put("type", TextNode.valueOf("yes"));
      case "integer" -> values.put("type", TextNode.valueOf("5"));
      default -> {}
    }
    return values;
  }

  private static ObjectNode parent(ObjectNode manifest, String field) {
    ObjectNode node = manifest;
    String[] parts = field.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      node = (ObjectNode) node.get(parts[i]);
    }
    return node;
  }

  private static String last(String field) {
    return field.substring(field.lastIndexOf('.') + 1);
  }

  @Test
  void theValidTenantPassesBoth() {
    assertThat(SCHEMA.violations(valid())).isEmpty();
    assertThat(TenantRules.check(valid())).isEmpty();
  }

  @Test
  void theWalkCoversTheSchemasConstraints() {
    // A sanity floor: if the walk stopped finding constraints, every case below would pass
    // vacuously.
    assertThat(everyConstraintOfTheSchema().count()).isGreaterThanOrEqualTo(14);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyConstraintOfTheSchema")
  void whatTheSchemaRefusesTenantRulesRefusesForTheSameField(
      String field, String rule, Consumer<ObjectNode> breakIt) {
    ObjectNode manifest = valid();
    breakIt.accept(manifest);

    assertThat(SCHEMA.violations(manifest)).as("the CRD schema refuses it").isNotEmpty();
    assertThat(TenantRules.check(manifest))
        .extracting(TenantRules.Violation::field)
        .containsExactly(field);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "acme",
        "abc",
        "acme-fiber-2",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ab",
        "ACME",
        "Acme",
        "1acme",
        "acme-",
        "-acme",
        "ac_me",
        "xn--acme",
        "ab--cd",
        "abc--d",
        "kube-system",
        "kube-acme",
        "kubeacme"
      })
  void theNameRulesAgreeWithTheCrdsCelRules(String name) {
    ObjectNode manifest = valid();
    ((ObjectNode) manifest.get("metadata")).put("name", name);

    assertThat(TenantRules.check(manifest).isEmpty())
        .as("TenantRules accepts %s exactly when the CRD does", name)
        .isEqualTo(SCHEMA.violations(manifest).isEmpty());
  }

  @Test
  void everyCelRuleOfTheCrdIsExercisedByTheNameCorpus() {
    assertThat(TenantCrd.openApiSchema().path("x-kubernetes-validations"))
        .extracting(rule -> rule.path("rule").asText())
        .containsExactlyInAnyOrder(
            "self.metadata.name.matches('" + Tenant.SLUG_PATTERN + "')",
            TenantRules.IDNA_CEL,
            TenantRules.KUBE_CEL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"xn--acme", "kube-system"})
  void idnaAndKubernetesNamesAreRefusedByTheCrdItself(String name) {
    ObjectNode manifest = valid();
    ((ObjectNode) manifest.get("metadata")).put("name", name);

    assertThat(SCHEMA.violations(manifest)).singleElement().asString().contains("metadata.name");
    assertThat(TenantRules.check(manifest))
        .extracting(TenantRules.Violation::field)
        .containsExactly("metadata.name");
  }

  @Test
  void whatAnSreTriedIsRefused() {
    ObjectNode acme = valid();
    ((ObjectNode) acme.get("metadata")).put("name", "ACME");
    ObjectNode platinum = valid();
    ((ObjectNode) platinum.get("spec")).put("plan", "platinum");
    ObjectNode negativeSeats = valid();
    ((ObjectNode) platinum.at("/spec/entitlements")).put("seats", 5);
    ((ObjectNode) negativeSeats.at("/spec/entitlements")).put("seats", -5);
    ObjectNode noDisplayName = valid();
    ((ObjectNode) noDisplayName.get("spec")).remove("displayName");

    assertThat(TenantRules.check(acme))
        .extracting(TenantRules.Violation::field)
        .containsExactly("metadata.name");
    assertThat(TenantRules.check(platinum))
        .extracting(TenantRules.Violation::field)
        .containsExactly("spec.plan");
    assertThat(TenantRules.check(negativeSeats))
        .extracting(TenantRules.Violation::field)
        .containsExactly("spec.entitlements.seats");
    assertThat(TenantRules.check(noDisplayName))
        .extracting(TenantRules.Violation::field)
        .containsExactly("spec.displayName");
  }

  @Test
  void theTypedModelIsCheckedTheSameWay() {
    Tenant tenant = TenantCrd.YAML.convertValue(valid(), Tenant.class);
    tenant.getSpec().displayName = null;

    assertThat(TenantRules.check(tenant))
        .extracting(TenantRules.Violation::field)
        .containsExactly("spec.displayName");
  }
}
