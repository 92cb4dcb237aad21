package io.tenantry.operator.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.tenantry.operator.database.DatabaseCredentialsSecret;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The operator's admin role in tests, as the chart installs it in production: CREATEDB and
 * CREATEROLE, not a superuser, with a password. One per test JVM, so that concurrent test runs on
 * the shared server never share a database pool; dropped, with its pool, when the JVM exits. Handed
 * to every Quarkus test's application by {@link Resource}.
 */
public final class AdminRole {

  private static final String NAME_PROPERTY = "tenantry.test.admin-role";
  private static final String PASSWORD_PROPERTY = "tenantry.test.admin-role-password";
  private static AdminRole instance;

  private final String name;
  private final String password;

  private AdminRole(String name, String password) {
    this.name = name;
    this.password = password;
  }

  /**
   * The role of this JVM, created on first use. Kept in system properties, because Quarkus loads
   * test classes again in its own class loader, where this class's statics start empty.
   */
  public static synchronized AdminRole get() {
    if (instance == null) {
      String name = System.getProperty(NAME_PROPERTY);
      String password = System.getProperty(PASSWORD_PROPERTY);
      if (name == null) {
        name =
            "tenantry_op_test_"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
                    .toLowerCase(Locale.ROOT);
        password = DatabaseCredentialsSecret.newPassword();
        Sql.execute(
            "CREATE ROLE " + name + " LOGIN CREATEDB CREATEROLE PASSWORD '" + password + "'");
        System.setProperty(NAME_PROPERTY, name);
        System.setProperty(PASSWORD_PROPERTY, password);
        AdminRole created = new AdminRole(name, password);
        Runtime.getRuntime().addShutdownHook(new Thread(created::drop, "drop-" + name));
      }
      instance = new AdminRole(name, password);
    }
    return instance;
  }

  public String name() {
    return name;
  }

  public String password() {
    return password;
  }

  /** Config overrides that make the operator connect as this role. */
  public Map<String, String> config() {
    return Map.of("tenantry.operator.database.shared-server.admin-user", name);
  }

  /** Pool databases this role holds now. */
  public List<String> poolDatabases() {
    try {
      return Sql.poolOf(name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void drop() {
    try {
      poolDatabases()
          .forEach(db -> Sql.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)"));
      Sql.execute("DROP ROLE IF EXISTS " + name);
    } catch (RuntimeException e) {
      // Left for a later run to see; never worth failing the JVM's exit over.
      System.err.println("could not drop test admin role " + name + ": " + e.getMessage());
    }
  }

  /** Makes every Quarkus test's operator connect as the JVM's role. */
  @WithTestResource(value = Resource.class, scope = TestResourceScope.GLOBAL)
  public static final class Resource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
      return get().config();
    }

    @Override
    public void stop() {
      // Kept for the next application start; dropped when the JVM exits.
    }
  }
}
