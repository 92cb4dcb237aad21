package io.tenantry.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the Quarkus application under test a database of its own on the real PostgreSQL server,
 * created empty at start (Flyway then builds the schema) and dropped at stop.
 *
 * <p>With the system property {@value #APP_ROLE_PROPERTY}{@code =true} (the control plane's test
 * configuration sets it) the application runs as it does in production: Flyway migrates as the
 * server's admin user, who then owns the schema, and the application connects as a role of its own
 * ({@code <database>_app}) with only the rights the migrations grant it. The role goes with the
 * database at stop.
 *
 * <p>Where a Docker engine exists and {@code TENANTRY_TEST_DEVSERVICES=true}, it steps aside and
 * Quarkus Dev Services (Testcontainers) provide the database instead.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  /** Opts a module's tests into a separate application role. */
  public static final String APP_ROLE_PROPERTY = "tenantry.test.db.app-role";

  private String database;
  private String appRole;

  @Override
  public Map<String, String> start() {
    if (Boolean.parseBoolean(System.getenv("TENANTRY_TEST_DEVSERVICES"))) {
      return Map.of();
    }
    PostgresServer server = PostgresServer.get();
    database = server.createDatabase("test");
    if (!Boolean.getBoolean(APP_ROLE_PROPERTY)) {
      return Map.of(
          "quarkus.datasource.jdbc.url", server.urlOf(database),
          "quarkus.datasource.username", server.user(),
          "quarkus.datasource.password", server.password(),
          "quarkus.datasource.devservices.enabled", "false");
    }
    appRole = database + "_app";
    // Quarkus uses Flyway's own credentials only when both are set, and an empty value counts as
    // unset; a server with trust authentication (ours) ignores the password anyway.
    String ownerPassword = server.password().isEmpty() ? "trust" : server.password();
    // Flyway reads its credentials before the properties returned here apply (tried: it then
    // migrates as the app role); system properties reach it. They are the same for every test
    // class of the JVM: the admin user of the one server.
    System.setProperty("quarkus.flyway.username", server.user());
    System.setProperty("quarkus.flyway.password", ownerPassword);
    String appPassword = UUID.randomUUID().toString();
    server.execute("CREATE ROLE " + appRole + " LOGIN PASSWORD '" + appPassword + "'");
    return Map.of(
        "quarkus.datasource.jdbc.url",
        server.urlOf(database),
        "quarkus.datasource.username",
        appRole,
        "quarkus.datasource.password",
        appPassword,
        "quarkus.flyway.username",
        server.user(),
        "quarkus.flyway.password",
        server.password(),
        "quarkus.datasource.devservices.enabled",
        "false");
  }

  @Override
  public void stop() {
    if (database != null) {
      PostgresServer.get().dropDatabase(database);
    }
    if (appRole != null) {
      PostgresServer.get().execute("DROP ROLE IF EXISTS " + appRole);
    }
  }
}
