package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * values.schema.json refuses bad values before anything is rendered. Each case changes one value of
 * the defaults, which render (see ValuesOptionsTest); the error names that value.
 */
class ValuesSchemaTest {

  private static void assertRefused(String key, Object value, String named) {
    assertThatThrownBy(() -> TenantryChart.render(Map.of(key, value)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(named);
  }

  @Test
  void defaultsMeetTheSchema() {
    assertThat(TenantryChart.render(Map.of()).objects()).isNotEmpty();
  }

  @Test
  void refusesNegativeReplicas() {
    assertRefused("controlPlane.replicas", -1, "at '/controlPlane/replicas': minimum");
  }

  @Test
  void refusesUnknownDatabaseMode() {
    assertRefused(
        "operator.database.mode", "mysql", "at '/operator/database/mode': value must be one of");
  }

  @Test
  void refusesMissingBaseDomain() {
    // --set key=null removes the key, as an SRE who drops it from a values file would.
    assertRefused("baseDomain", "null", "missing property 'baseDomain'");
  }

  @ParameterizedTest
  @CsvSource({
    "baseDomain, '', /baseDomain",
    "baseDomain, Tenants.Example.COM, /baseDomain",
    "baseDomain, localhost, /baseDomain",
    "operator.replicas, 4, /operator/replicas",
    "controlPlane.replicas, 100, /controlPlane/replicas",
    "image.pullPolicy, Sometimes, /image/pullPolicy",
    "controlPlane.ingress.host, 'not a host', /controlPlane/ingress/host",
    "controlPlane.redis.url, 'redis:6379', /controlPlane/redis/url",
    "controlPlane.database.jdbcUrl, 'postgres://db/tenantry', /controlPlane/database/jdbcUrl",
    "operator.database.sharedServer.port, 70000, /operator/database/sharedServer/port",
    "operator.network.clusterCidrs[0], 'everything', /operator/network/clusterCidrs/0",
    "controlPlane.corsOrigins, '*', /controlPlane/corsOrigins",
    "serviceMonitor.interval, often, /serviceMonitor/interval",
    "operator.database.sharedServer.adminPasswordVault.enabled, true, /operator/database/sharedServer/adminPasswordVault/tokenSecret/name",
    "operator.image.tag, 'bad tag', /operator/image/tag",
    "controlPlane.replica, 2, additional properties 'replica' not allowed",
  })
  void refusesValuesBreakingOneRule(String key, String value, String pointer) {
    assertRefused(key, value, pointer.startsWith("/") ? "at '" + pointer + "'" : pointer);
  }

  @Test
  void refusesAnExtraEnvEntryWithoutAName() {
    assertRefused(
        "controlPlane.extraEnv[0].value",
        "40",
        "at '/controlPlane/extraEnv/0': missing property 'name'");
  }

  @Test
  void refusesAnExtraEnvNameThatIsNoVariableName() {
    assertRefused("operator.extraEnv[0].name", "GC-OPTIONS", "at '/operator/extraEnv/0/name'");
  }

  @Test
  void refusesAnExtraEnvEntryWithBothValueAndValueFrom() {
    assertThatThrownBy(
            () ->
                TenantryChart.render(
                    Map.of(
                        "controlPlane.extraEnv[0].name", "GC_CONTAINER_OPTIONS",
                        "controlPlane.extraEnv[0].value", "-XX:+UseSerialGC",
                        "controlPlane.extraEnv[0].valueFrom.configMapKeyRef.name", "jvm")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining("at '/controlPlane/extraEnv/0'");
  }

  @Test
  void refusesVaultWithoutAddress() {
    assertRefused("vault.enabled", true, "at '/vault/address'");
  }
}
