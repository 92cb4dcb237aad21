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

/** The chart installs the committed CRD from crds/ and no copy of it. */
class CrdTest {

  private static final Path COMMITTED =
      TenantryChart.root().resolve("crds/tenants.tenantry.io-v1.yml");

  @Test
  void helmLoadsExactlyTheCommittedCrd() {
    List<JsonNode> loaded = TenantryChart.parse(TenantryChart.helm().show().crds().call());

    assertThat(loaded).containsExactly(TenantryChart.readYaml(COMMITTED));
  }

  @Test
  void chartCrdIsALinkToCrdsNotACopy() throws IOException {
    Path inChart = TenantryChart.chartDir().resolve("crds/tenants.tenantry.io-v1.yml");

    assertThat(Files.isSymbolicLink(inChart)).isTrue();
    assertThat(inChart.toRealPath()).isEqualTo(COMMITTED.toRealPath());
    try (Stream<Path> files = Files.list(inChart.getParent())) {
      assertThat(files).containsExactly(inChart);
    }
  }

  @Test
  void templatesDefineNoCustomResourceDefinition() {
    // Helm never upgrades crds/; a CRD in templates/ would be a second, diverging source.
    assertThat(TenantryChart.render(Map.of()).ofKind("CustomResourceDefinition")).isEmpty();
  }
}
