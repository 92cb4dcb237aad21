package io.tenantry.operator.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own (zonky embedded, on a free port), which the test stops and
 * starts again on the same port and data. On its first start it gets the install step of
 * docs/operations.md ("Shared server"): the operator's CREATEDB CREATEROLE role, and {@code
 * postgres} and {@code template1} closed to PUBLIC.
 *
 * <p>A test profile only reserves the port ({@link #reservedPort}); the test starts the server.
 * Port and data directory live in system properties, because Quarkus loads test classes a second
 * time in its own class loader, with fresh statics.
 */
public final class OwnPostgres {

  private static final String PORT_PROPERTY = "tenantry.test.own-postgres.port";
  private static final String DATA_PROPERTY = "tenantry.test.own-postgres.data";
  private static OwnPostgres instance;

  private final Path data;
  private final int port;
  private EmbeddedPostgres server;

  private OwnPostgres(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  /** The port the JVM's own server listens on once started; chosen free on first call. */
  public static synchronized int reservedPort() {
    try {
      if (System.getProperty(PORT_PROPERTY) == null) {
        System.setProperty(PORT_PROPERTY, String.valueOf(freePort()));
        System.setProperty(DATA_PROPERTY, Files.createTempDirectory("own-postgres").toString());
      }
      return Integer.parseInt(System.getProperty(PORT_PROPERTY));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM's own server (not started yet on first call). */
  public static synchronized OwnPostgres get() {
    if (instance == null) {
      int port = reservedPort();
      instance = new OwnPostgres(Path.of(System.getProperty(DATA_PROPERTY)), port);
      Runtime.getRuntime().addShutdownHook(new Thread(instance::destroy, "own-postgres-stop"));
    }
    return instance;
  }

  public int port() {
    return port;
  }

  /** Starts the server, installed as for Tenantry the first time; does nothing if it runs. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
    }
    if (fresh) {
      install(AdminRole.get());
    }
  }

  /** Stops the server (a fast shutdown); its data stays for {@link #start}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
      server = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JDBC URL of {@code database} on this server. */
  public String urlOf(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Runs {@code sql} in the maintenance database as the server's superuser. */
  public void execute(String sql) {
    try (Connection connection = Sql.connect(urlOf("postgres"), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + sql, e);
    }
  }

  private void install(AdminRole admin) {
    execute(
        "CREATE ROLE "
            + admin.name()
            + " LOGIN CREATEDB CREATEROLE PASSWORD '"
            + admin.password()
            + "'");
    execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC");
    execute("GRANT CONNECT ON DATABASE postgres TO " + admin.name());
  }

  private void destroy() {
    stop();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the OS cleans it eventually
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
