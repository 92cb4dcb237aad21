package io.tenantry.tenantapp.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.tenantapp.migrations.MigrationRules.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every tenant-app migration only expands the schema, unless it is a marked contract step: the
 * version before a release keeps running on its schema (docs/operations.md).
 */
class MigrationRulesTest {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path NEXT_RELEASE = Path.of("src/test/resources/db/next-release");

  @Test
  void everyShippedMigrationOnlyExpandsOrIsAMarkedContractStep() throws IOException {
    List<Path> scripts = scripts(MIGRATIONS);
    assertThat(scripts).as("the scan found the migrations").isNotEmpty();
    List<Violation> violations = new ArrayList<>();
    for (Path script : scripts) {
      violations.addAll(MigrationRules.check(script.getFileName().toString(), read(script)));
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theNextReleasesExpandStepUsedByExpandedSchemaTestPassesTheRule() throws IOException {
    for (Path script : scripts(NEXT_RELEASE)) {
      assertThat(MigrationRules.check(script.toString(), read(script))).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ALTER TABLE subscribers DROP COLUMN phone;                         | drop-column",
        "DROP TABLE tickets;                                                | drop-object",
        "drop view open_tickets;                                            | drop-object",
        "ALTER TABLE subscribers RENAME COLUMN phone TO phone_number;       | rename",
        "ALTER TABLE tickets RENAME TO issues;                              | rename",
        "ALTER TABLE invoices ALTER COLUMN total TYPE numeric(16, 2);       | change-type",
        "ALTER TABLE subscribers ALTER COLUMN phone SET NOT NULL;           | set-not-null",
        "ALTER TABLE devices ALTER COLUMN status DROP DEFAULT;              | drop-default",
        "ALTER TABLE subscribers ADD CONSTRAINT phone_e164 CHECK (phone ~ '^[+]');| add-constraint",
        "ALTER TABLE subscribers ADD COLUMN region text NOT NULL;           | add-not-null-without-default",
        "ALTER TABLE invoices ADD COLUMN rate numeric(5, 2) NOT NULL;       | add-not-null-without-default",
      })
  void aContractStatementInAnUnmarkedScriptIsRefused(String sql, String rule) {
    assertThat(MigrationRules.check("V9__x.sql", sql))
        .extracting(Violation::rule)
        .containsExactly(rule);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE notes (id uuid PRIMARY KEY, body text NOT NULL);",
        "ALTER TABLE subscribers ADD COLUMN region text;",
        "ALTER TABLE invoices ADD COLUMN terms int NOT NULL DEFAULT 30;",
        "ALTER TABLE invoices ADD COLUMN a text, ADD COLUMN b numeric(5, 2) NOT NULL DEFAULT 0;",
        "CREATE INDEX notes_body_idx ON notes (body);",
        "-- we never DROP TABLE here\nCREATE TABLE t (id int);",
        "COMMENT ON TABLE subscribers IS 'do not rename';",
      })
  void expandStatementsPass(String sql) {
    assertThat(MigrationRules.check("V9__x.sql", sql)).isEmpty();
  }

  @Test
  void aScriptMarkedWithTheReleaseThatStoppedReadingItMayContract() {
    String sql =
        "-- contract step: release 2.4.0 stopped reading subscribers.fax\n"
            + "ALTER TABLE subscribers DROP COLUMN fax;";
    assertThat(MigrationRules.check("V12__drop_fax.sql", sql)).isEmpty();
  }

  @Test
  void aMarkerWithoutTheReleaseDoesNotCount() {
    String sql =
        "-- contract step: stopped reading subscribers.fax\n"
            + "ALTER TABLE subscribers DROP COLUMN fax;";
    assertThat(MigrationRules.check("V12__drop_fax.sql", sql))
        .extracting(Violation::rule)
        .containsExactly("drop-column");
  }

  private static List<Path> scripts(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
  }

  private static String read(Path script) throws IOException {
    return Files.readString(script);
  }
}
