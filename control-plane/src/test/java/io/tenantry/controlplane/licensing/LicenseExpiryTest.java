package io.tenantry.controlplane.licensing;

import static io.tenantry.controlplane.licensing.LicensingFixture.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.crds.v1alpha1.LicenseStatus;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class LicenseExpiryTest {

  private static final Instant END = Instant.parse("2027-01-31T00:00:00Z");
  private static final String HISTORY = "/api/v1/platform/tenants/%s/license/history";

  @Inject TestPlatform platform;
  @Inject LicensingFixture fixture;
  @Inject LicenseExpiry expiry;
  @Inject TestClock clock;
  @Inject ExpiryJob job;

  private String token;

  @BeforeEach
  void reset() {
    fixture.reset();
    token = platform.tokenFor(Role.ADMIN);
  }

  private void subscription(String slug, int graceDays) {
    fixture.createTenant(token, slug, "starter");
    api(token)
        .body(
            """
            {"type":"subscription","seats":10,"expiresAt":"%s","gracePeriodDays":%d}"""
                .formatted(END, graceDays))
        .put("/api/v1/platform/tenants/" + slug + "/license")
        .then()
        .statusCode(200);
  }

  private List<String> statusChanges(String slug) {
    return api(token)
        .get(HISTORY.formatted(slug))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.findAll { it.action == 'license.status' }.status");
  }

  private long statusRows() {
    return platform.count("license_history WHERE action = 'license.status'");
  }

  @Test
  void anActiveLicenseMovesToGraceAtItsEndAndToExpiredAfterTheGracePeriod() {
    subscription("acme", 7);

    clock.set(END.minusSeconds(1));
    assertThat(expiry.run()).isZero();

    clock.set(END);
    assertThat(expiry.run()).isEqualTo(1);
    assertThat(statusChanges("acme")).containsExactly("grace");

    clock.set(END.plus(Duration.ofDays(7)).minusSeconds(1));
    assertThat(expiry.run()).isZero();

    clock.set(END.plus(Duration.ofDays(7)));
    assertThat(expiry.run()).isEqualTo(1);
    assertThat(statusChanges("acme")).containsExactly("expired", "grace");
    fixture.awaitEntitlements("acme", e -> e.licenseStatus == LicenseStatus.EXPIRED);
  }

  @Test
  void aTrialEndsOnItsDateTheSameWay() {
    fixture.createTenant(token, "trying", "starter");
    Instant trialEnd =
        Instant.parse(
            api(token)
                .get("/api/v1/platform/tenants/trying/license")
                .then()
                .extract()
                .path("expiresAt"));

    clock.set(trialEnd);
    assertThat(expiry.run()).isEqualTo(1);

    api(token)
        .get("/api/v1/platform/tenants/trying/license")
        .then()
        .statusCode(200)
        .body("type", equalTo("trial"))
        .body("status", equalTo("grace"));
  }

  @Test
  void aJobThatRanLateGoesStraightToExpiredInOneStep() {
    subscription("acme", 7);

    clock.set(END.plus(Duration.ofDays(30)));
    assertThat(expiry.run()).isEqualTo(1);

    assertThat(statusChanges("acme")).containsExactly("expired");
  }

  @Test
  void aSuspendedLicenseIsLeftAloneByTheJob() {
    subscription("acme", 7);
    api(token)
        .body(
            """
            {"type":"subscription","seats":10,"expiresAt":"%s","status":"suspended"}"""
                .formatted(END))
        .put("/api/v1/platform/tenants/acme/license")
        .then()
        .statusCode(200);

    clock.set(END.plus(Duration.ofDays(30)));

    assertThat(expiry.run()).isZero();
    assertThat(statusChanges("acme")).isEmpty();
  }

  @Test
  void concurrentRunsMoveEveryLicenseExactlyOnce() throws Exception {
    List<String> slugs = List.of("t-one", "t-two", "t-three", "t-four", "t-five");
    slugs.forEach(slug -> subscription(slug, 7));

    clock.set(END.plus(Duration.ofDays(1)));
    assertThat(runConcurrently(8)).isEqualTo(slugs.size());
    clock.set(END.plus(Duration.ofDays(8)));
    assertThat(runConcurrently(8)).isEqualTo(slugs.size());

    for (String slug : slugs) {
      assertThat(statusChanges(slug)).as(slug).containsExactly("expired", "grace");
    }
    assertThat(statusRows()).isEqualTo(2L * slugs.size());
  }

  /** Runs the job from {@code threads} threads at once; returns the licenses moved in total. */
  private int runConcurrently(int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Integer> run =
            () -> {
              start.await();
              return expiry.run();
            };
        runs.add(pool.submit(run));
      }
      start.countDown();
      int moved = 0;
      for (Future<Integer> run : runs) {
        moved += run.get();
      }
      return moved;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLicenseTheJobCreatesForAnAdoptedTenantIsAuditedUnderTheJobsName() {
    platform.sql(
        "INSERT INTO tenants (id, slug, display_name, plan, deletion_policy, state, origin, phase,"
            + " push_pending) VALUES (gen_random_uuid(), 'adopted', 'Adopted', 'starter', 'Retain',"
            + " 'ACTIVE', 'cluster', 'Pending', false)");

    job.run();

    AuditEntry created =
        AuditEntry.<AuditEntry>find("action = ?1 and tenant = ?2", "license.create", "adopted")
            .firstResult();
    assertThat(created.actor).isEqualTo(LicenseExpiry.ACTOR);
  }
}
