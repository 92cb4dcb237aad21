package io.tenantry.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL server of a local run: an existing one, or an embedded one this run owns. */
final class LocalDatabase implements AutoCloseable {

  static final String PLATFORM_DATABASE = "tenantry";

  /**
   * The control plane's own role on the embedded server: the admin user runs its migrations and
   * owns the schema, this role gets the row rights they grant (as in production; V12).
   */
  static final String CONTROL_PLANE_APP_ROLE = "tenantry_app";

  private final EmbeddedPostgres embedded;
  private final String platformUrl;
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String appUser;

  private LocalDatabase(
      EmbeddedPostgres embedded,
      String platformUrl,
      String host,
      int port,
      String user,
      String password,
      String appUser) {
    this.embedded = embedded;
    this.platformUrl = platformUrl;
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.appUser = appUser;
  }

  static LocalDatabase start(LocalSettings settings) throws IOException, SQLException {
    if (settings.databaseUrl().isPresent()) {
      String url = settings.databaseUrl().get();
      java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      // a configured server is used with one role: the control plane owns its schema there
      return new LocalDatabase(
          null,
          url,
          uri.getHost(),
          port,
          settings.databaseUser(),
          settings.databasePassword(),
          settings.databaseUser());
    }
    Path data = settings.home().resolve("postgres");
    Files.createDirectories(data);
    // A fresh cluster each start: the embedded Kubernetes API is in memory too, so keeping the
    // platform database alone would leave it describing tenants the cluster no longer has.
    EmbeddedPostgres embedded =
        EmbeddedPostgres.builder()
            .setPort(settings.embeddedPostgresPort())
            .setDataDirectory(data)
            .setCleanDataDirectory(true)
            .start();
    String admin = embedded.getJdbcUrl("postgres", "postgres");
    try (Connection connection = DriverManager.getConnection(admin);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + PLATFORM_DATABASE);
      // The install step of docs/operations.md ("Shared server"): tenant roles connect to their
      // own database only, never to the maintenance databases or the platform's.
      statement.execute(
          "REVOKE CONNECT ON DATABASE postgres, template1, " + PLATFORM_DATABASE + " FROM PUBLIC");
      // the embedded server trusts local connections, so the role needs no password
      statement.execute("CREATE ROLE " + CONTROL_PLANE_APP_ROLE + " LOGIN");
      statement.execute(
          "GRANT CONNECT ON DATABASE " + PLATFORM_DATABASE + " TO " + CONTROL_PLANE_APP_ROLE);
    }
    return new LocalDatabase(
        embedded,
        embedded.getJdbcUrl("postgres", PLATFORM_DATABASE).replaceAll("\\?.*$", ""),
        "127.0.0.1",
        embedded.getPort(),
        "postgres",
        "",
        CONTROL_PLANE_APP_ROLE);
  }

  /** JDBC URL of the control plane's database, without credentials. */
  String platformUrl() {
    return platformUrl;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** The role the control plane connects as; the admin {@link #user()} runs its migrations. */
  String appUser() {
    return appUser;
  }

  boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
