package io.tenantry.tenantapp.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.tenantry.tenantapp.db.ShippedMigrations.Migration;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Brings the schema to this version at start, before anything else uses the database (the first
 * observer of the start; the HTTP server opens after the start's observers, so nothing is served on
 * an old schema). Flyway owns the schema: it runs exactly when there is something to do or to
 * refuse (a first start, an upgrade, a failed or changed script; {@link SchemaState}).
 *
 * <p>Why not Quarkus' Flyway extension with {@code migrate-at-start}: at every start, also the many
 * with a current schema, it built its Flyway (even with {@code migrate-at-start=false}: its beans
 * are created at start) and had it read the history and validate every script: 393 classes ({@code
 * -Xlog:class+load}), all of them in the AOT cache and in every tenant app's memory. On a current
 * schema this class and {@link SchemaState} load none of Flyway.
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

  /** What the start found. */
  public enum Outcome {
    NOT_STARTED,
    CURRENT,
    MIGRATED
  }

  private final AgroalDataSource dataSource;
  private volatile Outcome outcome = Outcome.NOT_STARTED;

  SchemaMigration(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event)
      throws SQLException {
    List<Migration> shipped = ShippedMigrations.load();
    boolean current;
    try (Connection connection = dataSource.getConnection()) {
      current = SchemaState.isCurrent(connection, shipped);
    }
    if (current) {
      outcome = Outcome.CURRENT;
      return;
    }
    LOG.info("the schema is not current for this version: Flyway migrates");
    FlywayMigration.migrate(dataSource, shipped);
    outcome = Outcome.MIGRATED;
  }

  public Outcome outcome() {
    return outcome;
  }
}
