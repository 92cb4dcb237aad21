package io.tenantry.tenantapp.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.tenantapp.db.ShippedMigrations.Migration;
import io.tenantry.testing.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The start's decision on a real database in each state it can meet: only a schema Flyway would
 * find nothing to do in is current; every other one goes to Flyway, which migrates it or fails with
 * its own error, as the start always did.
 */
class SchemaStateTest {

  private static final List<Migration> SHIPPED = ShippedMigrations.load();

  private final PostgresServer server = PostgresServer.get();
  private String database;
  private PGSimpleDataSource dataSource;

  @BeforeEach
  void emptyDatabase() {
    database = server.createDatabase("schema_state");
    dataSource = new PGSimpleDataSource();
    dataSource.setURL(server.urlOf(database));
    dataSource.setUser(server.user());
    dataSource.setPassword(server.password());
  }

  @AfterEach
  void drop() {
    server.dropDatabase(database);
  }

  @Test
  void anEmptyDatabaseIsNotCurrentAndTheAppsFlywayMakesItCurrent() throws SQLException {
    assertThat(isCurrent()).isFalse();

    FlywayMigration.migrate(dataSource, SHIPPED);

    assertThat(isCurrent()).isTrue();
    assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success"))
        .isEqualTo(SHIPPED.size());
    assertThat(
            count("SELECT count(*) FROM flyway_schema_history WHERE script LIKE 'db/migration/V%'"))
        .as("the scripts named as Quarkus' Flyway extension recorded them")
        .isEqualTo(SHIPPED.size());
  }

  @Test
  void aSchemaMigratedByPlainFlywayIsCurrent() throws SQLException {
    plainFlyway(null, "classpath:db/migration");

    assertThat(isCurrent()).isTrue();
  }

  @Test
  void anOlderSchemaIsNotCurrentAndFlywayUpgradesIt() throws SQLException {
    String previous = SHIPPED.get(SHIPPED.size() - 2).version();
    plainFlyway(previous, "classpath:db/migration");

    assertThat(isCurrent()).isFalse();

    FlywayMigration.migrate(dataSource, SHIPPED);
    assertThat(isCurrent()).isTrue();
  }

  @Test
  void aFailedMigrationIsNotCurrent() throws SQLException {
    plainFlyway(null, "classpath:db/migration");
    execute("UPDATE flyway_schema_history SET success = false WHERE version = '" + newest() + "'");

    assertThat(isCurrent()).isFalse();
  }

  @Test
  void aChangedChecksumIsNotCurrentAndFlywayRefusesIt() throws SQLException {
    plainFlyway(null, "classpath:db/migration");
    execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");

    assertThat(isCurrent()).isFalse();
    assertThatThrownBy(() -> FlywayMigration.migrate(dataSource, SHIPPED))
        .isInstanceOf(FlywayValidateException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void anUnknownMigrationAmongOursIsNotCurrent() throws SQLException {
    plainFlyway(null, "classpath:db/migration");
    execute(
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1,"
            + " '2.5', 'hand made', 'SQL', 'V2_5__hand_made.sql', 1, 'someone', 0, true"
            + " FROM flyway_schema_history");

    assertThat(isCurrent()).isFalse();
  }

  @Test
  void aSchemaTheNextReleaseMigratedIsCurrentAndFlywayAcceptsItToo() throws SQLException {
    plainFlyway(null, "classpath:db/migration", "classpath:db/next-release");

    assertThat(isCurrent()).isTrue();
    FlywayMigration.migrate(dataSource, SHIPPED); // *:future: no error, nothing to do
    assertThat(isCurrent()).isTrue();
  }

  @Test
  void aFailedMigrationOfTheNextReleaseIsNotCurrent() throws SQLException {
    plainFlyway(null, "classpath:db/migration", "classpath:db/next-release");
    execute("UPDATE flyway_schema_history SET success = false WHERE version = '1000'");

    assertThat(isCurrent()).isFalse();
  }

  private boolean isCurrent() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return SchemaState.isCurrent(connection, SHIPPED);
    }
  }

  private void plainFlyway(String target, String... locations) {
    var configuration = Flyway.configure().dataSource(dataSource).locations(locations);
    if (target != null) {
      configuration.target(target);
    }
    configuration.load().migrate();
  }

  private static String newest() {
    return SHIPPED.getLast().version();
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private int count(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
