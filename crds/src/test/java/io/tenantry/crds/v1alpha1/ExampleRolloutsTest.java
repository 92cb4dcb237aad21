package io.tenantry.crds.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * deploy/examples/rollouts, which docs/operations.md and the README tell an SRE to apply: a Release
 * and a Rollout of it, each valid against the committed CRD (schema and CEL rules).
 */
class ExampleRolloutsTest {

  private static final Path EXAMPLES =
      Path.of(System.getProperty("crds.dir", ".")).resolve("../deploy/examples/rollouts");

  private static JsonNode example(String file) throws IOException {
    return CrdSchemaValidator.yaml(Files.readString(EXAMPLES.resolve(file)));
  }

  @Test
  void theExampleReleaseMeetsTheReleaseCrd() throws IOException {
    JsonNode release = example("release-0.2.0.yaml");

    assertThat(release.path("kind").asText()).isEqualTo("Release");
    assertThat(new CrdSchemaValidator(TenantCrd.RELEASE.firstVersion()).violations(release))
        .isEmpty();
  }

  @Test
  void theExampleRolloutMeetsTheRolloutCrdAndRollsOutTheExampleRelease() throws IOException {
    JsonNode rollout = example("rollout-to-0.2.0.yaml");

    assertThat(rollout.path("kind").asText()).isEqualTo("Rollout");
    assertThat(new CrdSchemaValidator(TenantCrd.ROLLOUT.firstVersion()).violations(rollout))
        .isEmpty();
    assertThat(rollout.at("/spec/release").asText())
        .isEqualTo(example("release-0.2.0.yaml").at("/metadata/name").asText());
    assertThat(rollout.at("/spec/waves/1/promotion").asText()).isEqualTo("Manual");
  }
}
