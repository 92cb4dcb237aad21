package io.tenantry.tenantapp.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.tenantapp.support.AppProcess;
import io.tenantry.testing.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged app, started as a tenant's pod starts it, with the JVM logging every class it loads:
 * its first start migrates the empty database through Flyway; a start on the schema that is then
 * current loads no Flyway class at all; and a schema whose history no longer matches a shipped
 * script still stops the start with Flyway's own error.
 */
class SchemaAtStartIT {

  private static final String FLYWAY_CLASS = "[class,load] org.flywaydb.";

  private final PostgresServer server = PostgresServer.get();
  private String database;
  private Path root;

  @BeforeEach
  void emptyDatabase() throws IOException {
    database = server.createDatabase("it_schema");
    root = Files.createTempDirectory("tenant-schema-");
    Files.createDirectories(root.resolve("entitlements"));
  }

  @AfterEach
  void drop() {
    server.dropDatabase(database);
  }

  @Test
  void flywayIsLoadedOnlyWhenTheSchemaIsNotCurrent() throws Exception {
    String first = startAndStop("first");
    assertThat(first).contains("Flyway migrates").contains(FLYWAY_CLASS + "core.Flyway ");

    String current = startAndStop("current");
    assertThat(current).contains("[class,load] io.tenantry.tenantapp.db.SchemaState ");
    assertThat(current.lines().filter(line -> line.contains(FLYWAY_CLASS))).isEmpty();
  }

  @Test
  void aChangedScriptStillStopsTheStartWithFlywaysError() throws Exception {
    startAndStop("first");
    try (Connection connection =
        DriverManager.getConnection(server.urlOf(database), server.user(), server.password())) {
      connection
          .createStatement()
          .execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
    }

    Process app = start("changed").process();

    assertThat(app.waitFor(90, TimeUnit.SECONDS)).as("the app gave up starting").isTrue();
    assertThat(app.exitValue()).isNotZero();
    assertThat(Files.readString(log("changed")))
        .contains("Validate failed")
        .contains("checksum mismatch for migration version 2");
  }

  private String startAndStop(String name) throws Exception {
    App started = start(name);
    Process app = started.process();
    AppProcess.awaitReady(app, started.port(), log(name), Duration.ofSeconds(90));
    app.destroy();
    app.waitFor();
    return Files.readString(log(name));
  }

  private record App(Process process, int port) {}

  private App start(String name) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(AppProcess.command("-Xlog:class+load=info"))
            .redirectErrorStream(true)
            .redirectOutput(log(name).toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", server.urlOf(database));
    env.put("QUARKUS_DATASOURCE_USERNAME", server.user());
    env.put("QUARKUS_DATASOURCE_PASSWORD", server.password());
    env.put("TENANTRY_TENANT_SLUG", "schema");
    env.put("TENANTRY_TENANT_SIGNING_KEY_DIR", root.resolve("signing").toString());
    env.put("TENANTRY_TENANT_ENTITLEMENTS_DIR", root.resolve("entitlements").toString());
    env.put("TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString());
    return new App(builder.start(), port);
  }

  private Path log(String name) {
    return root.resolve(name + ".log");
  }
}
