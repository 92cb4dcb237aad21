package io.tenantry.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives the Quarkus application under test a database of its own on the real PostgreSQL server,
 * created empty at start (Flyway then builds the schema) and dropped at stop.
 *
 * <p>Where a Docker engine exists and {@code TENANTRY_TEST_DEVSERVICES=true}, it steps aside and
 * Quarkus Dev Services (Testcontainers) provide the database instead.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private String database;

  @Override
  public Map<String, String> start() {
    if (Boolean.parseBoolean(System.getenv("TENANTRY_TEST_DEVSERVICES"))) {
      return Map.of();
    }
    PostgresServer server = PostgresServer.get();
    database = server.createDatabase("test");
    return Map.of(
        "quarkus.datasource.jdbc.url", server.urlOf(database),
        "quarkus.datasource.username", server.user(),
        "quarkus.datasource.password", server.password(),
        "quarkus.datasource.devservices.enabled", "false");
  }

  @Override
  public void stop() {
    if (database != null) {
      PostgresServer.get().dropDatabase(database);
    }
  }
}
