package io.tenantry.tenantapp.migrations;

import io.tenantry.testing.PostgresTestResource;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A database already migrated by the next release: this version's migrations plus the next
 * release's expand step ({@code db/next-release}), applied before the app under test starts, as
 * when the new version's pods migrated first and this one keeps running or is rolled back to.
 */
public class NextReleaseSchemaResource extends PostgresTestResource {

  @Override
  public Map<String, String> start() {
    Map<String, String> config = super.start();
    Flyway.configure(NextReleaseSchemaResource.class.getClassLoader())
        .dataSource(
            config.get("quarkus.datasource.jdbc.url"),
            config.get("quarkus.datasource.username"),
            config.get("quarkus.datasource.password"))
        .locations("classpath:db/migration", "classpath:db/next-release")
        .load()
        .migrate();
    return config;
  }
}
