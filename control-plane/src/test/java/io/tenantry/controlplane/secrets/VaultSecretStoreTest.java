package io.tenantry.controlplane.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vault adapter against a stub of Vault's documented KV v2 HTTP API
 * (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2): no Vault server can be
 * installed on the build machines.
 */
class VaultSecretStoreTest {

  private static final String TOKEN = "hvs.test-token";
  private static final String PATH = "/v1/secret/data/tenantry/platform-key";

  private WireMockServer vault;
  private VaultSecretStore store;

  @BeforeEach
  void start() {
    vault = new WireMockServer(wireMockConfig().dynamicPort());
    vault.start();
    store = new VaultSecretStore(config("http://127.0.0.1:" + vault.port()));
  }

  @AfterEach
  void stop() {
    vault.stop();
  }

  @Test
  void readsTheDataOfTheLatestVersionWithTheToken() {
    vault.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"data":{"data":{"private-key.pem":"PRIVATE","public-key.pem":"PUBLIC"},
                         "metadata":{"version":3,"destroyed":false}}}""")));

    Optional<Map<String, String>> values = store.read("platform-key");

    assertThat(values).contains(Map.of("private-key.pem", "PRIVATE", "public-key.pem", "PUBLIC"));
    vault.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("X-Vault-Token", equalTo(TOKEN)));
  }

  @Test
  void aMissingSecretReadsAsEmpty() {
    vault.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"errors\":[]}")));

    assertThat(store.read("platform-key")).isEmpty();
  }

  @Test
  void writesTheValuesUnderDataAsKvV2Expects() {
    vault.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":{\"version\":1,\"destroyed\":false}}")));

    store.write("platform-key", Map.of("public-key.pem", "PUBLIC"));

    vault.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("X-Vault-Token", equalTo(TOKEN))
            .withRequestBody(equalToJson("{\"data\":{\"public-key.pem\":\"PUBLIC\"}}")));
  }

  @Test
  void createIfAbsentWritesWithCheckAndSetZeroSoVaultStoresOnlyAFirstVersion() {
    vault.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":{\"version\":1,\"destroyed\":false}}")));

    assertThat(store.createIfAbsent("platform-key", Map.of("public-key.pem", "PUBLIC"))).isTrue();

    vault.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson("{\"options\":{\"cas\":0},\"data\":{\"public-key.pem\":\"PUBLIC\"}}")));
  }

  @Test
  void createIfAbsentReportsFalseWhenVaultAlreadyHasAVersion() {
    vault.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"errors\":[\"check-and-set parameter did not match the current"
                            + " version\"]}")));

    assertThat(store.createIfAbsent("platform-key", Map.of("public-key.pem", "PUBLIC"))).isFalse();
  }

  private static SecretsConfig.Vault config(String address) {
    return new SecretsConfig.Vault() {
      @Override
      public Optional<String> address() {
        return Optional.of(address);
      }

      @Override
      public Optional<String> token() {
        return Optional.of(TOKEN);
      }

      @Override
      public String mount() {
        return "secret";
      }

      @Override
      public String pathPrefix() {
        return "tenantry";
      }

      @Override
      public int timeoutSeconds() {
        return 5;
      }
    };
  }
}
