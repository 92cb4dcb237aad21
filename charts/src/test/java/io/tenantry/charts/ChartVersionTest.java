package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The chart's version rule: {@code version} is the Maven project version without "-SNAPSHOT";
 * {@code appVersion} is the project version itself, the tag Quarkus gives the images.
 */
class ChartVersionTest {

  private final String projectVersion = System.getProperty("tenantry.project.version");
  private final JsonNode chart =
      TenantryChart.readYaml(TenantryChart.chartDir().resolve("Chart.yaml"));

  @Test
  void chartVersionIsTheProjectVersionWithoutSnapshot() {
    assertThat(chart.path("version").asText())
        .isEqualTo(projectVersion.replace("-SNAPSHOT", ""))
        .doesNotContain("SNAPSHOT");
  }

  @Test
  void appVersionIsTheProjectVersion() {
    assertThat(chart.path("appVersion").asText()).isEqualTo(projectVersion);
  }

  @Test
  void imagesDefaultToTheAppVersionTag() {
    TenantryChart.Rendered rendered = TenantryChart.render(java.util.Map.of());

    assertThat(rendered.ofKind("Deployment"))
        .extracting(d -> d.at("/spec/template/spec/containers/0/image").asText())
        .allMatch(image -> image.endsWith(":" + projectVersion));
  }
}
