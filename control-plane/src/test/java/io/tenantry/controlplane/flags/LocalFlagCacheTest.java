package io.tenantry.controlplane.flags;

import static io.tenantry.controlplane.licensing.LicensingFixture.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.licensing.LicensingFixture;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Effective flags without any Redis server: cached in process, evicted all the same. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LocalFlagCacheTest.NoRedis.class)
@WithKubernetesTestServer(crud = true)
class LocalFlagCacheTest {

  /** Redis disabled and pointed at a port where nothing listens. */
  public static class NoRedis implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      return Map.of(
          "tenantry.redis.enabled", "false", "quarkus.redis.hosts", "redis://127.0.0.1:1");
    }

    @Override
    public void stop() {}
  }

  @Inject TestPlatform platform;
  @Inject LicensingFixture fixture;

  private String token;

  @BeforeEach
  void reset() {
    fixture.reset();
    token = platform.tokenFor(Role.ADMIN);
  }

  private String invoicing(String slug) {
    return api(token)
        .get("/api/v1/platform/tenants/" + slug + "/flags")
        .then()
        .statusCode(200)
        .extract()
        .path("flags.find { it.key == 'invoicing' }.source");
  }

  @Test
  void anOverrideReplacesTheFlagsCachedInProcess() {
    fixture.createTenant(token, "acme", "starter");
    invoicing("acme");

    api(token)
        .body("{\"enabled\":false}")
        .put("/api/v1/platform/tenants/acme/flags/invoicing")
        .then()
        .statusCode(200);

    assertThat(invoicing("acme")).isEqualTo("override");
  }

  @Test
  void aGlobalSwitchReplacesEveryFlagCachedInProcess() {
    fixture.createTenant(token, "acme", "starter");
    invoicing("acme");

    api(token)
        .body("{\"enabled\":false}")
        .put("/api/v1/platform/flags/invoicing/global")
        .then()
        .statusCode(200)
        .body("global", equalTo("off"));

    assertThat(invoicing("acme")).isEqualTo("global");
  }
}
