package io.tenantry.operator.database;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.TestConfig;
import io.tenantry.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared server's admin password from Vault, against a stub of Vault's documented KV v2 read
 * API (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2#read-secret-version): no
 * Vault server can be installed on the build machines. The Secret holds a different password, so
 * each test shows which source won.
 */
@EnableKubernetesMockClient(crud = true)
class VaultAdminPasswordTest {

  private static final String TOKEN = "hvs.operator-test-token";
  private static final String ENTRY = "/v1/secret/data/tenantry/postgres-admin";
  private static final String VAULT_PASSWORD = "from-vault-Zx81";
  private static final String SECRET_PASSWORD = "from-secret-Qw27";

  static KubernetesClient client;

  private WireMockServer vault;

  @BeforeEach
  void start() {
    vault = new WireMockServer(wireMockConfig().dynamicPort());
    vault.start();
    client
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("tenantry-system")
                .endMetadata()
                .build())
        .createOr(existing -> existing.update());
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db-admin")
                .withNamespace("tenantry-system")
                .endMetadata()
                .withData(Map.of("password", Cluster.base64(SECRET_PASSWORD)))
                .build())
        .createOr(existing -> existing.update());
  }

  @AfterEach
  void stop() {
    vault.stop();
  }

  @Test
  void vaultPasswordWinsOverTheSecretAndIsWhatTheAdminConnectionLogsInWith() {
    stubEntry("secret/data/tenantry/postgres-admin", VAULT_PASSWORD);
    AdminSession session = session(withVault(Map.of("token", TOKEN)));

    assertThat(session.connectionProperties().getProperty("password")).isEqualTo(VAULT_PASSWORD);
    assertThat(new PostgresAdmin(session, new DatabasePool(baseConfig(), session)).find("absent"))
        .as("the admin session works")
        .isEmpty();
    vault.verify(getRequestedFor(urlEqualTo(ENTRY)).withHeader("X-Vault-Token", equalTo(TOKEN)));
  }

  @Test
  void withoutVaultTheSecretHoldsThePasswordAndVaultIsNeverAsked() {
    stubEntry("secret/data/tenantry/postgres-admin", VAULT_PASSWORD);
    AdminSession session = session(baseConfig());

    assertThat(session.connectionProperties().getProperty("password")).isEqualTo(SECRET_PASSWORD);
    vault.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void tokenFileIsSentWhenNoTokenIsConfigured(@TempDir Path dir) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    stubEntry("secret/data/tenantry/postgres-admin", VAULT_PASSWORD);

    String password = adminPassword(withVault(Map.of("token-file", tokenFile.toString()))).get();

    assertThat(password).isEqualTo(VAULT_PASSWORD);
    vault.verify(getRequestedFor(urlEqualTo(ENTRY)).withHeader("X-Vault-Token", equalTo(TOKEN)));
  }

  @Test
  void configuredMountPathAndKeyNameTheEntryRead() {
    vault.stubFor(
        get(urlEqualTo("/v1/kv/data/platform/pg"))
            .willReturn(kvV2(Map.of("admin", VAULT_PASSWORD, "password", "not-this-key"))));

    String password =
        adminPassword(
                withVault(
                    Map.of("token", TOKEN, "mount", "kv", "path", "platform/pg", "key", "admin")))
            .get();

    assertThat(password).isEqualTo(VAULT_PASSWORD);
  }

  @Test
  void vaultRefusingTheTokenIsAnErrorNamingTheEntryButNotTheToken() {
    vault.stubFor(
        get(urlEqualTo(ENTRY))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"errors\":[\"permission denied\"]}")));
    AdminPassword adminPassword = adminPassword(withVault(Map.of("token", TOKEN)));

    assertThatThrownBy(adminPassword::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secret/tenantry/postgres-admin")
        .hasMessageContaining("403")
        .hasMessageNotContaining(TOKEN);
  }

  private void stubEntry(String path, String password) {
    vault.stubFor(get(urlEqualTo("/v1/" + path)).willReturn(kvV2(Map.of("password", password))));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder kvV2(
      Map<String, String> data) {
    StringBuilder json = new StringBuilder();
    data.forEach(
        (key, value) ->
            json.append(json.isEmpty() ? "" : ",")
                .append('"')
                .append(key)
                .append("\":\"")
                .append(value)
                .append('"'));
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"data\":{\"data\":{"
                + json
                + "},\"metadata\":{\"version\":2,\"destroyed\":false}}}");
  }

  private AdminSession session(OperatorConfig config) {
    return new AdminSession(config, adminPassword(config));
  }

  private AdminPassword adminPassword(OperatorConfig config) {
    return new AdminPassword(config, client);
  }

  private OperatorConfig withVault(Map<String, String> vaultKeys) {
    Map<String, String> overrides = new HashMap<>(baseOverrides());
    overrides.put(
        "tenantry.operator.database.shared-server.admin-password-vault.address",
        "http://127.0.0.1:" + vault.port());
    vaultKeys.forEach(
        (key, value) ->
            overrides.put(
                "tenantry.operator.database.shared-server.admin-password-vault." + key, value));
    return TestConfig.with(overrides);
  }

  private static OperatorConfig baseConfig() {
    return TestConfig.with(baseOverrides());
  }

  private static Map<String, String> baseOverrides() {
    return Map.of(
        "tenantry.operator.database.shared-server.host", "127.0.0.1",
        "tenantry.operator.database.shared-server.port", "5432",
        "tenantry.operator.database.shared-server.admin-user", PostgresServer.get().user(),
        "tenantry.operator.database.shared-server.admin-password-secret.name", "db-admin");
  }
}
