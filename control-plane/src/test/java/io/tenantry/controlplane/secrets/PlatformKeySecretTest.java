package io.tenantry.controlplane.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class PlatformKeySecretTest {

  @Inject KubernetesClient client;
  @Inject PlatformKeys keys;

  @Test
  void theFirstStartGeneratesAnRsa2048KeyPairIntoASecretInTheTenantrySystemNamespace()
      throws Exception {
    Secret secret =
        client
            .secrets()
            .inNamespace("tenantry-system")
            .withName("tenantry-platform-signing-key")
            .get();

    assertThat(secret).isNotNull();
    String publicPem = decode(secret.getData().get("public-key.pem"));
    assertThat(decode(secret.getData().get("private-key.pem")))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    RSAPublicKey stored = (RSAPublicKey) KeyUtils.decodePublicKey(publicPem);
    assertThat(stored.getModulus().bitLength()).isEqualTo(2048);
    assertThat(stored).isEqualTo(keys.publicKey());
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
