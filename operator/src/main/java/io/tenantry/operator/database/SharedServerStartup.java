package io.tenantry.operator.database;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * What the operator checks about the shared server when it starts: a password source must be
 * configured and must not hold an empty password (else it refuses to start); then, without holding
 * up the start, that the admin role is no superuser and that no tenant role can connect to the
 * server's maintenance databases, both reported loudly in the log and the latter as a metric; and
 * it starts filling the database pool.
 */
@ApplicationScoped
public class SharedServerStartup {

  private static final Logger LOG = Logger.getLogger(SharedServerStartup.class);

  private final OperatorConfig config;
  private final AdminPassword adminPassword;
  private final PostgresAdmin admin;
  private final DatabasePool pool;
  private final AtomicInteger openMaintenanceDatabases = new AtomicInteger(-1);

  SharedServerStartup(
      OperatorConfig config,
      AdminPassword adminPassword,
      PostgresAdmin admin,
      DatabasePool pool,
      MeterRegistry registry) {
    this.config = config;
    this.adminPassword = adminPassword;
    this.admin = admin;
    this.pool = pool;
    registry.gauge(
        "tenantry_operator_shared_server_maintenance_databases_open_to_public",
        openMaintenanceDatabases);
  }

  void onStart(@Observes StartupEvent event) {
    if (config.database().cloudNativePg()) {
      return;
    }
    adminPassword.requireSource();
    requireNonEmptyPassword();
    CompletableFuture.runAsync(this::checkServer);
    pool.start();
  }

  /**
   * Reads the password once: an empty one stops the start; a source not readable yet (a Secret
   * created after the operator, Vault down) is only logged, and read again when needed.
   */
  void requireNonEmptyPassword() {
    try {
      adminPassword.get();
    } catch (AdminPassword.EmptyException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warnf("admin password not read at start-up: %s", e.getMessage());
    }
  }

  /** Runs the connection-needing checks; an unreachable server is only logged (tenants say so). */
  public void checkServer() {
    try {
      if (admin.adminIsSuperuser()) {
        LOG.warnf(
            "the admin role '%s' on %s is a superuser: the operator needs CREATEDB and CREATEROLE"
                + " only (docs/operations.md)",
            config.database().sharedServer().adminUser(), admin.server());
      }
      List<String> open =
          admin.openToPublic(config.database().sharedServer().maintenanceDatabases());
      openMaintenanceDatabases.set(open.size());
      if (!open.isEmpty()) {
        LOG.errorf(
            "every tenant role can connect to %s on %s: PUBLIC still has CONNECT there. As the"
                + " server's superuser run REVOKE CONNECT ON DATABASE %s FROM PUBLIC and GRANT"
                + " CONNECT ON DATABASE %s TO %s (docs/operations.md, \"Shared server\")",
            open,
            admin.server(),
            String.join(", ", open),
            config.database().sharedServer().adminDatabase(),
            config.database().sharedServer().adminUser());
      }
    } catch (RuntimeException e) {
      LOG.warnf("shared server not checked at start-up: %s", e.getMessage());
    }
  }

  /** Maintenance databases PUBLIC could connect to at the last check; -1 before it ran. */
  public int openMaintenanceDatabases() {
    return openMaintenanceDatabases.get();
  }
}
