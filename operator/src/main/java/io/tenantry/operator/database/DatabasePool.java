package io.tenantry.operator.database;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.quarkus.runtime.ShutdownEvent;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Databases created ahead of demand, so that a new tenant claims one by renaming it instead of
 * waiting on {@code CREATE DATABASE} (a checkpoint and a copy of the template, ~0.1 s at best and
 * far more on a busy server). Pool databases belong to the admin role, refuse every connection
 * ({@code ALLOW_CONNECTIONS false}) until claimed, and are named {@code tenantry_pool_<random>},
 * which no tenant's {@code tenant_<slug>} can ever be and which tells nothing about anyone.
 *
 * <p>Refilling waits until claims pause ({@code refill-delay}): creating databases competes for the
 * server with the very tenants being provisioned, so during a burst the pool is drawn down first
 * and topped up afterwards, unless fewer than a quarter of it is left.
 *
 * <p>Claims are serialized on the server by a transaction-level advisory lock, so concurrent
 * reconciles and several operator replicas never take the same database; refills by a session lock,
 * so the pool is never topped up twice at once.
 */
@ApplicationScoped
public class DatabasePool {

  private static final Logger LOG = Logger.getLogger(DatabasePool.class);
  // Advisory lock keys (any two constants; both spell "tnpool" + a digit).
  private static final long CLAIM_LOCK = 0x746e706f6f6c31L;
  private static final long REFILL_LOCK = 0x746e706f6f6c32L;

  private static final String OWN_POOL =
      " FROM pg_database WHERE starts_with(datname, '"
          + TenantNames.DATABASE_POOL_PREFIX
          + "') AND datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)";

  private final OperatorConfig.Pool config;
  private final AdminSession session;
  private final AtomicBoolean refillPending = new AtomicBoolean();
  private final AtomicBoolean refillWaiting = new AtomicBoolean();
  private volatile long lastClaim = System.nanoTime() - Long.MAX_VALUE / 2;
  private volatile boolean runningLow = true;
  private volatile ScheduledExecutorService refiller;

  DatabasePool(OperatorConfig config, AdminSession session) {
    this.config = config.database().sharedServer().pool();
    this.session = session;
  }

  /**
   * Renames one pool database to {@code name} inside the caller's transaction, which must go on to
   * give it its owner and ACL before it commits. False when the pool is empty or off.
   */
  boolean claim(Connection transaction, String name) throws SQLException {
    if (config.size() <= 0) {
      return false;
    }
    try (Statement statement = transaction.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + CLAIM_LOCK + ")");
      String pooled;
      int left;
      try (ResultSet row =
          statement.executeQuery("SELECT datname, count(*) OVER ()" + OWN_POOL + " LIMIT 1")) {
        if (!row.next()) {
          runningLow = true;
          refillSoon();
          return false;
        }
        pooled = row.getString(1);
        left = row.getInt(2) - 1;
      }
      statement.execute(
          "ALTER DATABASE "
              + AdminSession.quote(pooled)
              + " RENAME TO "
              + AdminSession.quote(name));
      claimed(left);
    }
    return true;
  }

  /** After a claim that left {@code left}: top up at once when running low, else after a pause. */
  private void claimed(int left) {
    lastClaim = System.nanoTime();
    runningLow = left < config.size() / 4.0;
    if (runningLow) {
      refillSoon();
    } else {
      refillWhenClaimsPause();
    }
  }

  /** Unclaimed pool databases of this admin role right now. */
  public int available() {
    try (Connection connection = session.open();
        Statement statement = connection.createStatement()) {
      return Integer.parseInt(first(statement, "SELECT count(*)" + OWN_POOL).orElseThrow());
    } catch (SQLException e) {
      throw session.failure("count", "pool", e);
    }
  }

  /** Starts keeping the pool full in the background: now, after each claim and periodically. */
  public synchronized void start() {
    if (config.size() <= 0 || refiller != null) {
      return;
    }
    refiller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
    long period = config.checkPeriod().toMillis();
    refiller.scheduleWithFixedDelay(this::periodicCheck, 0, period, TimeUnit.MILLISECONDS);
  }

  synchronized void stop(@Observes ShutdownEvent event) {
    if (refiller != null) {
      refiller.shutdownNow();
      refiller = null;
    }
    refillWaiting.set(false);
  }

  /** The periodic top-up, which leaves a burst in progress alone as a claim does. */
  private void periodicCheck() {
    if (runningLow || sinceLastClaim() >= config.refillDelay().toNanos()) {
      refillQuietly();
    }
  }

  private void refillWhenClaimsPause() {
    if (refillWaiting.compareAndSet(false, true)
        && !checkAfter(config.refillDelay().toNanos(), this::refillIfClaimsPaused)) {
      refillWaiting.set(false);
    }
  }

  private void refillIfClaimsPaused() {
    long wait = config.refillDelay().toNanos() - sinceLastClaim();
    if (wait > 0 && !runningLow && checkAfter(wait, this::refillIfClaimsPaused)) {
      return;
    }
    refillWaiting.set(false);
    refillQuietly();
  }

  /** False when the refiller is stopped (shut down): the next start checks the pool anyway. */
  private boolean checkAfter(long nanos, Runnable check) {
    ScheduledExecutorService current = refiller;
    try {
      return current != null && current.schedule(check, nanos, NANOSECONDS) != null;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private long sinceLastClaim() {
    return System.nanoTime() - lastClaim;
  }

  private void refillSoon() {
    ScheduledExecutorService current = refiller;
    if (current != null && refillPending.compareAndSet(false, true)) {
      current.execute(this::refillQuietly);
    }
  }

  private void refillQuietly() {
    refillPending.set(false);
    try {
      refill();
    } catch (RuntimeException e) {
      // The next claim or check tries again; tenants meanwhile fall back to CREATE DATABASE.
      LOG.warnf("database pool not refilled: %s", e.getMessage());
    }
  }

  /** Creates as many pool databases as are missing, unless another session is at it. */
  void refill() {
    // Unshared: should the unlock fail, the session-level lock ends with the session.
    try (Connection connection = session.openUnshared();
        Statement statement = connection.createStatement()) {
      if (!locked(statement)) {
        return;
      }
      try {
        int missing =
            config.size()
                - Integer.parseInt(first(statement, "SELECT count(*)" + OWN_POOL).orElseThrow());
        createInParallel(missing);
      } finally {
        statement.execute("SELECT pg_advisory_unlock(" + REFILL_LOCK + ")");
      }
    } catch (SQLException e) {
      throw session.failure("refill", "pool", e);
    }
  }

  private void createInParallel(int count) {
    if (count <= 0) {
      return;
    }
    ExecutorService creators =
        Executors.newFixedThreadPool(Math.max(1, Math.min(count, config.refillSessions())));
    try {
      List<Future<?>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        created.add(creators.submit(this::createOne));
      }
      for (Future<?> each : created) {
        each.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create a pool database", e.getCause());
    } finally {
      creators.shutdownNow();
    }
  }

  private Void createOne() throws SQLException {
    // One statement, so a database is never open to connections on its way into the pool.
    String name = TenantNames.DATABASE_POOL_PREFIX + randomSuffix();
    try (Connection connection = session.open();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE " + AdminSession.quote(name) + " WITH ALLOW_CONNECTIONS false");
    }
    return null;
  }

  private static String randomSuffix() {
    return RandomSecrets.lowerAlphanumeric(16); // database names are lower case
  }

  private static boolean locked(Statement statement) throws SQLException {
    try (ResultSet row =
        statement.executeQuery("SELECT pg_try_advisory_lock(" + REFILL_LOCK + ")")) {
      return row.next() && row.getBoolean(1);
    }
  }

  private static Optional<String> first(Statement statement, String sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
    }
  }
}
