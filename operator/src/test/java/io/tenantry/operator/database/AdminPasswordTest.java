package io.tenantry.operator.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.TestConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator never talks to the shared server with an empty admin password, unless told to. */
@EnableKubernetesMockClient(crud = true)
class AdminPasswordTest {

  private static final String PREFIX = "tenantry.operator.database.shared-server.";

  static KubernetesClient client;

  @Test
  void noPasswordSourceStopsTheStartWithAMessageNamingTheSettings() {
    AdminPassword password = new AdminPassword(config(Map.of()), client);

    assertThatThrownBy(password::requireSource)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("admin-password-secret.name")
        .hasMessageContaining("admin-auth=trust");
  }

  @Test
  void anEmptyPasswordInTheSecretIsRefusedAndNamesTheSecret() {
    storeSecret("empty-admin", "  ");
    AdminPassword password =
        new AdminPassword(config(Map.of("admin-password-secret.name", "empty-admin")), client);

    assertThatThrownBy(password::get)
        .isInstanceOf(AdminPassword.EmptyException.class)
        .hasMessageContaining("tenantry-system/empty-admin");
  }

  @Test
  void anEmptyPasswordStopsTheStartButASecretNotThereYetDoesNot() {
    storeSecret("empty-at-start", "");
    OperatorConfig empty = config(Map.of("admin-password-secret.name", "empty-at-start"));
    OperatorConfig later = config(Map.of("admin-password-secret.name", "created-later"));

    assertThatThrownBy(() -> startup(empty).requireNonEmptyPassword())
        .isInstanceOf(AdminPassword.EmptyException.class);
    assertThatCode(() -> startup(later).requireNonEmptyPassword()).doesNotThrowAnyException();
  }

  @Test
  void trustIsAnExplicitSettingThatSendsNoPasswordAndReadsNoSource() {
    OperatorConfig trust = config(Map.of("admin-auth", "trust"));
    AdminPassword password = new AdminPassword(trust, client);

    assertThatCode(password::requireSource).doesNotThrowAnyException();
    assertThat(password.get()).isEmpty();
    assertThat(new AdminSession(trust, password).connectionProperties())
        .doesNotContainKey("password");
  }

  private SharedServerStartup startup(OperatorConfig config) {
    AdminPassword password = new AdminPassword(config, client);
    AdminSession session = new AdminSession(config, password);
    DatabasePool pool = new DatabasePool(config, session);
    return new SharedServerStartup(
        config,
        password,
        new PostgresAdmin(session, pool),
        pool,
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  private void storeSecret(String name, String value) {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("tenantry-system")
                .endMetadata()
                .withData(Map.of("password", Cluster.base64(value)))
                .build())
        .create();
  }

  private static OperatorConfig config(Map<String, String> sharedServer) {
    Map<String, String> overrides = new HashMap<>();
    sharedServer.forEach((key, value) -> overrides.put(PREFIX + key, value));
    return TestConfig.with(overrides);
  }
}
