package io.tenantry.operator.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admin sessions kept open for the next caller instead of being closed: a new session costs the
 * server a backend process, an authentication and cold catalog caches, and the operator a round
 * trip or more, several times per tenant provisioned. A session is handed out again only when the
 * server still answers on it ({@link Connection#isValid}), it is back in auto-commit (no
 * transaction of its last user left open), and it is younger than {@code maxAge}: a rotated or
 * revoked admin credential stops being used within that time, as sessions opened with it end.
 */
final class IdleSessions {

  /** A session and when it was opened. */
  private record Idle(Connection connection, long openedAt) {}

  /** Opens a new session on the server. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private final int maxIdle;
  private final long maxAgeNanos;
  private final int validationTimeoutSeconds;

  IdleSessions(int maxIdle, Duration maxAge, Duration validationTimeout) {
    this.maxIdle = maxIdle;
    this.maxAgeNanos = maxAge.toNanos();
    this.validationTimeoutSeconds = (int) Math.max(1, validationTimeout.toSeconds());
  }

  /** An idle session that still works, or a new one; closing it hands it back. */
  Connection take(Opener opener) throws SQLException {
    Idle next;
    while ((next = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      if (young(next) && next.connection().isValid(validationTimeoutSeconds)) {
        return lease(next);
      }
      closeQuietly(next.connection());
    }
    return lease(new Idle(opener.open(), System.nanoTime()));
  }

  /** Closes every idle session, e.g. once the server failed or the credential changed. */
  void clear() {
    Idle next;
    while ((next = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      closeQuietly(next.connection());
    }
  }

  /** Idle sessions held now. */
  int idle() {
    return idleCount.get();
  }

  private boolean young(Idle session) {
    return System.nanoTime() - session.openedAt() < maxAgeNanos;
  }

  private void giveBack(Idle session) {
    Connection connection = session.connection();
    try {
      boolean reusable = !connection.isClosed() && connection.getAutoCommit() && young(session);
      if (reusable && idleCount.incrementAndGet() <= maxIdle) {
        idle.offerFirst(session); // most recently used first: the others can age out
        return;
      }
      if (reusable) {
        idleCount.decrementAndGet(); // counted above, but enough sessions are idle already
      }
    } catch (SQLException e) {
      // not reusable: closed below
    }
    closeQuietly(connection);
  }

  /** The session as its user sees it: close() hands it back once, everything else passes. */
  private Connection lease(Idle session) {
    AtomicBoolean returned = new AtomicBoolean();
    return (Connection)
        Proxy.newProxyInstance(
            IdleSessions.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("close") && method.getParameterCount() == 0) {
                if (returned.compareAndSet(false, true)) {
                  giveBack(session);
                }
                return null;
              }
              if (name.equals("isClosed") && method.getParameterCount() == 0) {
                return returned.get() || session.connection().isClosed();
              }
              if (returned.get()) {
                throw new SQLException("admin session already closed", "08003");
              }
              try {
                return method.invoke(session.connection(), args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // already broken: nothing left to release
    }
  }
}
