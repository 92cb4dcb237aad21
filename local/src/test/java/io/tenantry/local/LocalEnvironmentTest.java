package io.tenantry.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEnvironmentTest {

  private static final String AUTH = "TENANTRY_OPERATOR_DATABASE_SHARED_SERVER_ADMIN_AUTH";

  @TempDir Path repository;

  @Test
  void aServerReachedWithoutAPasswordIsDeclaredTrustedExplicitly() throws Exception {
    LocalSettings settings =
        LocalSettings.from(Map.of("TENANTRY_DB_URL", "jdbc:postgresql://db:5432/p"), repository);
    try (LocalDatabase database = LocalDatabase.start(settings)) {
      assertThat(LocalEnvironment.operator(settings, database)).containsEntry(AUTH, "trust");
    }
  }

  @Test
  void aServerWithAPasswordIsNotTrusted() throws Exception {
    LocalSettings settings =
        LocalSettings.from(
            Map.of(
                "TENANTRY_DB_URL", "jdbc:postgresql://db:5432/p",
                "TENANTRY_DB_PASSWORD", "s3cret"),
            repository);
    try (LocalDatabase database = LocalDatabase.start(settings)) {
      assertThat(LocalEnvironment.operator(settings, database)).doesNotContainKey(AUTH);
    }
  }

  @Test
  void theOperatorReadsATenantAppsMetricsThroughTheLocalIngressNotTheControlPlanesPort() {
    Map<String, String> env = LocalEnvironment.operatorInLocalCluster(18000, "key");

    assertThat(env)
        .containsEntry(
            "TENANTRY_OPERATOR_ROLLOUT_SIGNALS_URL",
            "http://tenant-app.tenant-{tenant}.svc.cluster.local:18000/q/metrics");
  }
}
