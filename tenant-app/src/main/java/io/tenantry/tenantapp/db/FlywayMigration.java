package io.tenantry.tenantapp.db;

import io.tenantry.tenantapp.common.Resources;
import io.tenantry.tenantapp.db.ShippedMigrations.Migration;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Flyway's migrate, as Quarkus' Flyway extension ran it at every start: the scripts of {@code
 * db/migration}, validated first, a later release's migrations accepted ({@code *:future}: during a
 * rollout, and after a rollback, this version runs on a database the next release already migrated,
 * docs/operations.md); any other mismatch (a changed, failed or missing script of ours) fails the
 * start with Flyway's error.
 *
 * <p>The only class of the app that names Flyway: the JVM loads Flyway when this runs, and only
 * then ({@link SchemaMigration}).
 */
final class FlywayMigration {

  private FlywayMigration() {}

  static void migrate(DataSource dataSource, List<Migration> shipped) {
    Flyway.configure(FlywayMigration.class.getClassLoader())
        .dataSource(dataSource)
        .ignoreMigrationPatterns("*:future")
        .resourceProvider(new Scripts(shipped))
        .javaMigrationClassProvider(List::of)
        .load()
        .migrate();
  }

  /**
   * The scripts by the names the list gives, as the extension handed them to Flyway: it listed them
   * at build time, so Flyway never scans the class path (which the packaged app's class loader
   * cannot list); the history's {@code script} column keeps the extension's form ({@code
   * db/migration/V1__baseline.sql}).
   */
  private record Scripts(List<Migration> shipped) implements ResourceProvider {

    @Override
    public LoadableResource getResource(String name) {
      return shipped.stream()
          .filter(migration -> migration.script().equals(name) || fileName(migration).equals(name))
          .findFirst()
          .map(Script::new)
          .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
      return shipped.stream()
          .filter(
              migration ->
                  fileName(migration).startsWith(prefix)
                      && Arrays.stream(suffixes).anyMatch(fileName(migration)::endsWith))
          .<LoadableResource>map(Script::new)
          .toList();
    }
  }

  private static String fileName(Migration migration) {
    return migration.script().substring(migration.script().lastIndexOf('/') + 1);
  }

  private static final class Script extends LoadableResource {

    private final Migration migration;

    Script(Migration migration) {
      this.migration = migration;
    }

    @Override
    public Reader read() {
      return new StringReader(
          new String(Resources.read(migration.script()), StandardCharsets.UTF_8));
    }

    @Override
    public String getAbsolutePath() {
      return migration.script();
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return migration.script();
    }

    @Override
    public String getFilename() {
      return fileName(migration);
    }

    @Override
    public String getRelativePath() {
      return migration.script();
    }
  }
}
