package io.tenantry.controlplane.support;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.secrets.PlatformKeys;
import io.tenantry.controlplane.signin.LoginThrottle;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.controlplane.users.UserService;
import io.tenantry.crds.v1alpha1.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test fixture: a clean platform, users of each role and access tokens minted with its key. */
@ApplicationScoped
public class TestPlatform {

  public static final String ISSUER = "https://tenantry.io/platform";
  public static final String AUDIENCE = "tenantry-control-plane";
  public static final String PASSWORD = "correct horse battery staple";

  private final AgroalDataSource dataSource;
  private final UserService users;
  private final PlatformKeys keys;
  private final KubernetesClient client;
  private final LoginThrottle throttle;

  TestPlatform(
      AgroalDataSource dataSource,
      UserService users,
      PlatformKeys keys,
      KubernetesClient client,
      LoginThrottle throttle) {
    this.dataSource = dataSource;
    this.users = users;
    this.keys = keys;
    this.client = client;
    this.throttle = throttle;
  }

  /** Removes every tenant, user, token, audit entry and Tenant resource, and all lockouts. */
  public void reset() {
    // Pending pushes and the informer may recreate either side while we clean; repeat until both
    // are empty at once.
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              sql("TRUNCATE idempotency_keys, tenants CASCADE");
              releaseFinalizers();
              client.resources(Tenant.class).delete();
              return client.resources(Tenant.class).list().getItems().isEmpty()
                  && count("tenants") == 0;
            });
    sql(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate",
        "ALTER TABLE audit_anchors DISABLE TRIGGER audit_anchors_no_truncate",
        "TRUNCATE audit_log, audit_anchors, idempotency_keys, tenants, refresh_tokens,"
            + " recovery_codes, platform_users RESTART IDENTITY CASCADE",
        "ALTER TABLE audit_anchors ENABLE TRIGGER audit_anchors_no_truncate",
        "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate");
    throttle.clear();
  }

  /** Plays the operator's part: a Tenant some test finalizes must still go away. */
  private void releaseFinalizers() {
    client.resources(Tenant.class).list().getItems().stream()
        .filter(t -> !t.getMetadata().getFinalizers().isEmpty())
        .forEach(
            t ->
                client
                    .resources(Tenant.class)
                    .withName(t.getMetadata().getName())
                    .edit(
                        live -> {
                          live.getMetadata().getFinalizers().clear();
                          return live;
                        }));
  }

  /**
   * Runs statements as the database owner (the role Flyway migrates as), in one transaction: the
   * app's own role may not disable triggers or truncate the audit log, as in production.
   */
  public void sql(String... statements) {
    try (Connection connection = ownerConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection ownerConnection() throws SQLException {
    Config config = ConfigProvider.getConfig();
    Optional<String> owner = config.getOptionalValue("quarkus.flyway.username", String.class);
    if (owner.isEmpty()) {
      return dataSource.getConnection();
    }
    return DriverManager.getConnection(
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        owner.get(),
        config.getOptionalValue("quarkus.flyway.password", String.class).orElse(""));
  }

  /** Rows in {@code table}. */
  public long count(String table) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates an enabled user with {@link #PASSWORD}. */
  public PlatformUser user(Role role) {
    return user(
        role.value() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.io", role);
  }

  public PlatformUser user(String email, Role role) {
    return QuarkusTransaction.requiringNew().call(() -> users.newUser(email, PASSWORD, role));
  }

  /** A valid access token for {@code user}, minted with the platform key. */
  public String token(PlatformUser user) {
    Instant now = Instant.now();
    return sign(
        Jwt.issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(user.id.toString())
            .upn(user.email)
            .groups(user.role)
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300)));
  }

  /** {@code claims} signed by the platform key under its algorithm, as the control plane signs. */
  public String sign(JwtClaimsBuilder claims) {
    return claims.jws().algorithm(keys.algorithm()).sign(keys.privateKey());
  }

  /** A valid token for a fresh user of {@code role}. */
  public String tokenFor(Role role) {
    return token(user(role));
  }

  public PlatformKeys keys() {
    return keys;
  }
}
