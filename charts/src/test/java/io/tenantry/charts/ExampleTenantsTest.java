package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** deploy/examples hold one valid Tenant per plan, checked against the committed CRD's schema. */
class ExampleTenantsTest {

  private static final JsonNode CRD_VERSION =
      TenantryChart.readYaml(TenantryChart.root().resolve("crds/tenants.tenantry.io-v1.yml"))
          .at("/spec/versions/0");
  private static final JsonNode OPEN_API = CRD_VERSION.at("/schema/openAPIV3Schema");
  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(OPEN_API);

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(TenantryChart.root().resolve("deploy/examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleMeetsTheCrdSchema(Path example) {
    JsonNode tenant = TenantryChart.readYaml(example);

    Set<ValidationMessage> violations = SCHEMA.validate(tenant);
    assertThat(violations).isEmpty();
    assertThat(tenant.path("apiVersion").asText()).isEqualTo("tenantry.io/v1alpha1");
    assertThat(tenant.path("kind").asText()).isEqualTo("Tenant");
    assertThat(tenant.at("/metadata/name").asText()).matches(nameRule());
  }

  @Test
  void everyPlanHasAnExampleAndAcmeIsProfessional() throws IOException {
    List<JsonNode> tenants = examples().map(TenantryChart::readYaml).toList();

    assertThat(tenants)
        .extracting(t -> t.at("/spec/plan").asText())
        .containsExactlyInAnyOrder("free", "starter", "professional", "enterprise");
    JsonNode acme =
        TenantryChart.readYaml(TenantryChart.root().resolve("deploy/examples/tenant-acme.yaml"));
    assertThat(acme.at("/metadata/name").asText()).isEqualTo("acme");
    assertThat(acme.at("/spec/plan").asText()).isEqualTo("professional");
  }

  @Test
  void schemaRefusesAnExampleWithAnUnknownPlan() {
    JsonNode acme =
        TenantryChart.readYaml(TenantryChart.root().resolve("deploy/examples/tenant-acme.yaml"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) acme.get("spec")).put("plan", "platinum");

    assertThat(SCHEMA.validate(acme)).singleElement().asString().contains("plan");
  }

  /** The name pattern of the CRD's CEL rule {@code self.metadata.name.matches('…')}. */
  private static String nameRule() {
    String rule = OPEN_API.at("/x-kubernetes-validations/0/rule").asText();
    Matcher matcher = Pattern.compile("matches\\('(.+)'\\)").matcher(rule);
    assertThat(matcher.find()).as("CEL rule %s", rule).isTrue();
    return matcher.group(1);
  }
}
