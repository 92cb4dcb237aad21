package io.tenantry.tenantapp.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.config.TenantConfig;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestEntitlements;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Entitlements never go back to a lower version, and a restart starts from the last ones accepted
 * even when the mounted file can no longer be verified (a key rotation half done).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class EntitlementsVersionTest {

  @Inject TestTenant tenant;
  @Inject EntitlementsStore store;
  @Inject TenantConfig config;
  @Inject EntitlementsConfig entitlementsConfig;
  @Inject Db db;
  @Inject Vertx vertx;

  @AfterEach
  void restore() {
    tenant.restoreEntitlements(); // signed now: a higher version than any used here
  }

  /** A version just above the one in force; the restore after each test signs a higher one. */
  private long next(int step) {
    return store.version() + step;
  }

  @Test
  void anOlderValidlySignedFileIsRefused() {
    long accepted = next(2);
    tenant.entitle(TestEntitlements.plan("professional", 25).version(accepted));

    tenant.entitle(TestEntitlements.plan("enterprise", 5000).version(accepted - 1));

    assertThat(store.version()).isEqualTo(accepted);
    assertThat(store.current().plan()).isEqualTo("professional");
    assertThat(store.current().seats()).isEqualTo(25);
  }

  @Test
  void aNewerFileIsAppliedAndKeptInTheDatabase() {
    long ver = next(1);
    tenant.entitle(TestEntitlements.plan("professional", 25).version(ver));

    assertThat(store.version()).isEqualTo(ver);
    assertThat(
            db.first("SELECT version FROM entitlements_state WHERE id = 1", row -> row.getLong(1)))
        .contains(ver);
  }

  @Test
  void aRestartMidRotationKeepsTheLastValidEntitlements() {
    tenant.entitle(TestEntitlements.plan("professional", 25).version(next(1)));
    // the platform re-signed with a key this app has not been given yet
    TestEntitlements.write(
        TestTenant.entitlementsDir(),
        TestEntitlements.plan("professional", 25)
            .signedFile(TenantKeysTestResource.ec().getPrivate()));

    EntitlementsStore restarted =
        new EntitlementsStore(config, entitlementsConfig, Clock.systemUTC(), db, vertx);
    restarted.onStart(null);
    restarted.onStop(null); // its poll would outlive the test beside the app's own store

    assertThat(restarted.current().plan()).isEqualTo("professional");
    assertThat(restarted.current().seats()).isEqualTo(25);
  }
}
