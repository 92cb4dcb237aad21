package io.tenantry.controlplane.licensing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.Entitlements;
import io.tenantry.crds.v1alpha1.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Test fixture: tenants created through the API, and their entitlements as the cluster has them.
 */
@ApplicationScoped
public class LicensingFixture {

  public static final Duration CLUSTER = Duration.ofSeconds(20);

  private final KubernetesClient client;
  private final TestPlatform platform;
  private final TestClock clock;

  LicensingFixture(KubernetesClient client, TestPlatform platform, TestClock clock) {
    this.client = client;
    this.platform = platform;
    this.clock = clock;
  }

  /** A clean platform: no tenants, no global switches, the real time. */
  public void reset() {
    platform.reset();
    platform.sql("UPDATE feature_flags SET global_enabled = NULL");
    clock.reset();
  }

  public static RequestSpecification api(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /**
   * Creates {@code slug} on {@code plan} and waits until its Tenant resource carries entitlements.
   */
  public void createTenant(String token, String slug, String plan) {
    api(token)
        .body(
            """
            {"slug":"%s","displayName":"Tenant %s","plan":"%s"}"""
                .formatted(slug, slug, plan))
        .post("/api/v1/platform/tenants")
        .then()
        .statusCode(202);
    awaitEntitlements(slug, e -> e.signature != null);
  }

  /** The Tenant's entitlements once they satisfy {@code condition}. */
  public Entitlements awaitEntitlements(String slug, Predicate<Entitlements> condition) {
    return await()
        .atMost(CLUSTER)
        .until(
            () -> {
              Tenant tenant = client.resources(Tenant.class).withName(slug).get();
              return tenant == null || tenant.getSpec() == null
                  ? null
                  : tenant.getSpec().entitlements;
            },
            e -> e != null && condition.test(e));
  }
}
