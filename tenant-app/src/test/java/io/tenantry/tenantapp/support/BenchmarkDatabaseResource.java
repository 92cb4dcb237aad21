package io.tenantry.tenantapp.support;

import io.tenantry.testing.PostgresServer;
import io.tenantry.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The search benchmark's database. Without {@code -Dbenchmark.database} it is a fresh database
 * dropped afterwards, like {@link PostgresTestResource}; with {@code
 * -Dbenchmark.database=tenantry_bench_search} it is that named database, created if missing and
 * kept, so the million rows are generated once (minutes) and reused by every later run (seconds).
 * Drop it by hand when done.
 */
public class BenchmarkDatabaseResource extends PostgresTestResource {

  /** The system property naming a database to keep between benchmark runs. */
  public static final String DATABASE_PROPERTY = "benchmark.database";

  @Override
  public Map<String, String> start() {
    String name = System.getProperty(DATABASE_PROPERTY);
    if (name == null || name.isBlank()) {
      return super.start();
    }
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(DATABASE_PROPERTY + " must be a plain lower-case name");
    }
    PostgresServer server = PostgresServer.get();
    if (!exists(server, name)) {
      server.execute("CREATE DATABASE " + name);
    }
    return Map.of(
        "quarkus.datasource.jdbc.url", server.urlOf(name),
        "quarkus.datasource.username", server.user(),
        "quarkus.datasource.password", server.password(),
        "quarkus.datasource.devservices.enabled", "false");
  }

  @Override
  public void stop() {
    if (System.getProperty(DATABASE_PROPERTY, "").isBlank()) {
      super.stop();
    }
  }

  private static boolean exists(PostgresServer server, String name) {
    try (Connection connection = server.connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look up database " + name, e);
    }
  }
}
