package io.tenantry.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDatabaseTest {

  @TempDir Path repository;

  @Test
  void embeddedServerHasThePlatformDatabaseAndStopsOnClose() throws Exception {
    LocalSettings settings = LocalSettings.from(Map.of("TENANTRY_LOCAL_PG_PORT", "0"), repository);
    int port;
    try (LocalDatabase database = LocalDatabase.start(settings)) {
      port = database.port();
      try (Connection connection =
              DriverManager.getConnection(
                  database.platformUrl(), database.user(), database.password());
          ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
        row.next();
        assertThat(row.getString(1)).isEqualTo(LocalDatabase.PLATFORM_DATABASE);
      }
      // the control plane's own role may connect to the platform database, and is not the admin
      assertThat(database.appUser()).isNotEqualTo(database.user());
      try (Connection connection =
              DriverManager.getConnection(database.platformUrl(), database.appUser(), "");
          ResultSet row =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT current_user, rolsuper FROM pg_roles"
                          + " WHERE rolname = current_user")) {
        row.next();
        assertThat(row.getString(1)).isEqualTo(LocalDatabase.CONTROL_PLANE_APP_ROLE);
        assertThat(row.getBoolean(2)).isFalse();
      }
    }
    assertThat(listening(port)).as("postgres still listening on %d after close", port).isFalse();
  }

  @Test
  void aConfiguredDatabaseIsUsedAsIsAndNothingIsStarted() throws Exception {
    LocalSettings settings =
        LocalSettings.from(
            Map.of("TENANTRY_DB_URL", "jdbc:postgresql://db.example:6543/platform"), repository);
    try (LocalDatabase database = LocalDatabase.start(settings)) {
      assertThat(database.embedded()).isFalse();
      assertThat(database.host()).isEqualTo("db.example");
      assertThat(database.port()).isEqualTo(6543);
      assertThat(database.platformUrl()).isEqualTo("jdbc:postgresql://db.example:6543/platform");
      assertThat(database.appUser()).isEqualTo(database.user());
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
