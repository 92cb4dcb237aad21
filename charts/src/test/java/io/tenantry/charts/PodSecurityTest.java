package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pod the chart runs meets the Pod Security Standard "restricted", whatever the values. */
class PodSecurityTest {

  static Stream<Arguments> renderings() {
    Path deploy = TenantryChart.root().resolve("deploy");
    return Stream.of(
        Arguments.of("defaults", TenantryChart.render(Map.of())),
        Arguments.of(
            "cnpg", TenantryChart.render(Map.of("operator.database.mode", "cloudnative-pg"))),
        Arguments.of(
            "vault",
            TenantryChart.render(Map.of("vault.enabled", true, "vault.address", "https://v:8200"))),
        Arguments.of(
            "values-dev",
            TenantryChart.render(Map.of(), List.of(deploy.resolve("values-dev.yaml")))),
        Arguments.of(
            "values-prod",
            TenantryChart.render(Map.of(), List.of(deploy.resolve("values-prod.yaml")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyPodIsRestricted(String name, TenantryChart.Rendered rendered) {
    List<JsonNode> pods = rendered.podSpecs();

    assertThat(pods).hasSize(2);
    for (JsonNode pod : pods) {
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.at("/securityContext/seccompProfile/type").asText())
          .isEqualTo("RuntimeDefault");
      assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
      assertThat(pod.path("hostPID").asBoolean(false)).isFalse();
      assertThat(pod.path("hostIPC").asBoolean(false)).isFalse();
      assertThat(pod.path("volumes").findValues("hostPath")).isEmpty();
      Stream.concat(stream(pod.path("initContainers")), stream(pod.path("containers")))
          .forEach(container -> assertRestricted(container, pod));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyPodBoundsItsEphemeralStorage(String name, TenantryChart.Rendered rendered) {
    for (JsonNode pod : rendered.podSpecs()) {
      assertThat(stream(pod.path("volumes")).filter(v -> v.has("emptyDir")))
          .isNotEmpty()
          .allSatisfy(v -> assertThat(v.at("/emptyDir/sizeLimit").asText()).isNotEmpty());
      stream(pod.path("containers"))
          .forEach(
              container -> {
                assertThat(container.at("/resources/requests/ephemeral-storage").asText())
                    .isNotEmpty();
                assertThat(container.at("/resources/limits/ephemeral-storage").asText())
                    .isNotEmpty();
              });
    }
  }

  @Test
  void kindDevDependenciesAreRestrictedToo() throws IOException {
    Path file = TenantryChart.root().resolve("deploy/kind/dependencies.yaml");
    TenantryChart.Rendered dependencies =
        new TenantryChart.Rendered(TenantryChart.parse(Files.readString(file)));

    assertThat(dependencies.podSpecs()).hasSize(3);
    for (JsonNode pod : dependencies.podSpecs()) {
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.at("/securityContext/seccompProfile/type").asText())
          .isEqualTo("RuntimeDefault");
      stream(pod.path("containers")).forEach(container -> assertRestricted(container, pod));
    }
  }

  private static void assertRestricted(JsonNode container, JsonNode pod) {
    JsonNode security = container.path("securityContext");
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean(false)).isTrue();
    assertThat(security.path("privileged").asBoolean(false)).isFalse();
    assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
    assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(writableTmpVolume(container, pod)).as("/tmp on an emptyDir").isTrue();
  }

  private static boolean writableTmpVolume(JsonNode container, JsonNode pod) {
    return stream(container.path("volumeMounts"))
        .filter(m -> "/tmp".equals(m.path("mountPath").asText()))
        .anyMatch(
            m ->
                stream(pod.path("volumes"))
                    .anyMatch(
                        v ->
                            v.path("name").asText().equals(m.path("name").asText())
                                && v.has("emptyDir")));
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }
}
