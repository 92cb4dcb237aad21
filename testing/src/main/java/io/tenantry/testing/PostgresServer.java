package io.tenantry.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL server tests run against, found once per JVM.
 *
 * <p>In order: the server named by {@code TENANTRY_TEST_PG_URL} (a JDBC URL of a database the user
 * may create databases from); the local server on 127.0.0.1:5432 (user {@code postgres}, trust
 * auth, as on our build machines); otherwise an embedded PostgreSQL started for this JVM.
 */
public final class PostgresServer {

  private static final String DEFAULT_HOST = "127.0.0.1";
  private static final int DEFAULT_PORT = 5432;
  private static volatile PostgresServer instance;

  private final String adminUrl;
  private final String user;
  private final String password;

  private PostgresServer(String adminUrl, String user, String password) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
  }

  /** The shared server, started on first use when no server is reachable. */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      instance = locate();
    }
    return instance;
  }

  private static PostgresServer locate() {
    String url = System.getenv("TENANTRY_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      return new PostgresServer(
          url, envOr("TENANTRY_TEST_PG_USER", "postgres"), envOr("TENANTRY_TEST_PG_PASSWORD", ""));
    }
    if (reachable(DEFAULT_HOST, DEFAULT_PORT)) {
      return new PostgresServer(
          "jdbc:postgresql://" + DEFAULT_HOST + ":" + DEFAULT_PORT + "/postgres", "postgres", "");
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
      return new PostgresServer(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("no PostgreSQL reachable and the embedded one failed", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException e) {
      // The JVM is exiting; the temporary data directory goes with the process.
      System.getLogger(PostgresServer.class.getName())
          .log(System.Logger.Level.WARNING, "embedded PostgreSQL did not stop cleanly", e);
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** JDBC URL of the server's maintenance database, for creating and dropping databases. */
  public String adminUrl() {
    return adminUrl;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** Host and port of the server, e.g. {@code 127.0.0.1:5432}. */
  public String hostAndPort() {
    String rest = adminUrl.substring("jdbc:postgresql://".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  /** JDBC URL of {@code database} on this server. */
  public String urlOf(String database) {
    return "jdbc:postgresql://" + hostAndPort() + "/" + database;
  }

  /** An admin connection to the maintenance database. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(adminUrl, user, password);
  }

  /** Creates an empty database with a unique name that starts with {@code prefix}. */
  public String createDatabase(String prefix) {
    String name =
        (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    execute("CREATE DATABASE " + name);
    return name;
  }

  /** Drops {@code database}, disconnecting whoever is still connected to it. */
  public void dropDatabase(String database) {
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  /** Runs one statement on the maintenance database as the admin user. */
  public void execute(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + sql, e);
    }
  }
}
