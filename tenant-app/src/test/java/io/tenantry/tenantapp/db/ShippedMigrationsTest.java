package io.tenantry.tenantapp.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.tenantapp.common.Resources;
import io.tenantry.tenantapp.db.ShippedMigrations.Migration;
import io.tenantry.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The stored list of shipped migrations ({@link ShippedMigrations#RESOURCE}) is what Flyway itself
 * records for the scripts of {@code db/migration}: plain Flyway, scanning the class path, migrates
 * an empty database and its history must be the list, line for line. A new or changed script fails
 * this until the list is regenerated (written to target/, as the message says), so the start's
 * check ({@link SchemaState}) never judges by a stale list.
 */
class ShippedMigrationsTest {

  @Test
  void theStoredListIsWhatFlywayRecordsForTheShippedScripts() throws SQLException, IOException {
    PostgresServer server = PostgresServer.get();
    String database = server.createDatabase("shipped");
    try {
      String url = server.urlOf(database);
      Flyway.configure()
          .dataSource(url, server.user(), server.password())
          .locations("classpath:db/migration")
          .load()
          .migrate();
      String generated = ShippedMigrations.format(history(url, server));
      String stored =
          new String(
              Resources.read(ShippedMigrations.RESOURCE), java.nio.charset.StandardCharsets.UTF_8);
      if (!generated.equals(stored)) {
        Path out = Path.of("target", "shipped-migrations.tsv");
        Files.writeString(out, generated);
      }
      assertThat(stored)
          .as(
              "stale: copy tenant-app/target/shipped-migrations.tsv to"
                  + " tenant-app/src/main/resources/"
                  + ShippedMigrations.RESOURCE)
          .isEqualTo(generated);
      assertThat(ShippedMigrations.load()).hasSizeGreaterThanOrEqualTo(10);
    } finally {
      server.dropDatabase(database);
    }
  }

  @Test
  void versionsAreOrderedAsFlywayOrdersThem() {
    assertThat(ShippedMigrations.compareVersions("10", "9")).isPositive();
    assertThat(ShippedMigrations.compareVersions("1.10", "1.9")).isPositive();
    assertThat(ShippedMigrations.compareVersions("1.0", "1")).isZero();
    assertThat(ShippedMigrations.compareVersions("2", "2.1")).isNegative();
  }

  /**
   * The history's rows; the script as the class-path resource (Quarkus' Flyway extension, which
   * migrated the tenant databases before, recorded it so).
   */
  private static List<Migration> history(String url, PostgresServer server) throws SQLException {
    List<Migration> migrations = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(url, server.user(), server.password());
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT version, description, checksum, script, type, success"
                        + " FROM flyway_schema_history ORDER BY installed_rank")) {
      while (rows.next()) {
        assertThat(rows.getString("type")).isEqualTo("SQL");
        assertThat(rows.getBoolean("success")).isTrue();
        String script = rows.getString("script");
        migrations.add(
            new Migration(
                rows.getString("version"),
                rows.getString("description"),
                rows.getInt("checksum"),
                script.startsWith("db/migration/") ? script : "db/migration/" + script));
      }
    }
    return migrations;
  }
}
