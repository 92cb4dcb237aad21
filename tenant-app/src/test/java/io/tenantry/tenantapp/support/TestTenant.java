package io.tenantry.tenantapp.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.tenantapp.entitlements.EntitlementsStore;
import io.tenantry.tenantapp.identity.Role;
import io.tenantry.tenantapp.identity.StaffStatus;
import io.tenantry.tenantapp.identity.StaffUser;
import io.tenantry.tenantapp.identity.StaffUsers;
import io.tenantry.tenantapp.identity.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Staff users per role, their tokens, platform tokens, and a clean slate between tests. */
@ApplicationScoped
public class TestTenant {

  private final TokenIssuer issuer;
  private final AgroalDataSource dataSource;
  private final EntitlementsStore entitlements;
  private final StaffUsers staffUsers;

  TestTenant(
      TokenIssuer issuer,
      AgroalDataSource dataSource,
      EntitlementsStore entitlements,
      StaffUsers staffUsers) {
    this.issuer = issuer;
    this.dataSource = dataSource;
    this.entitlements = entitlements;
    this.staffUsers = staffUsers;
  }

  public static Path entitlementsDir() {
    return ConfigProvider.getConfig().getValue("tenantry.tenant.entitlements-dir", Path.class);
  }

  /** Writes entitlements signed by the platform key and applies them at once. */
  public void entitle(TestEntitlements signed) {
    TestEntitlements.write(entitlementsDir(), signed.signedFile(platformPrivateKey()));
    entitlements.reload();
  }

  /** Back to what the test profile starts with, after a test changed the entitlements. */
  public void restoreEntitlements() {
    entitle(TestEntitlements.generous());
  }

  /** Empties every domain table; staff users stay, so their tokens keep working. */
  public void cleanDomain() {
    execute(
        "TRUNCATE subscribers, devices, invoices, invoice_lines, radius_sessions, tickets,"
            + " ticket_messages CASCADE");
  }

  public void execute(String sql) {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh access token of an active staff user holding {@code role}. */
  public synchronized String tokenFor(Role role) {
    return QuarkusTransaction.requiringNew().call(() -> issuer.accessToken(userFor(role)));
  }

  public synchronized UUID userIdFor(Role role) {
    return QuarkusTransaction.requiringNew().call(() -> userFor(role).id);
  }

  private StaffUser userFor(Role role) {
    String email = role.name() + "@staff.test";
    return staffUsers
        .byEmail(email)
        .orElseGet(
            () -> {
              StaffUser user = new StaffUser();
              user.id = UUID.randomUUID();
              user.email = email;
              user.displayName = role.name();
              user.role = role;
              user.status = StaffStatus.active;
              user.createdAt = Instant.now();
              staffUsers.insert(user);
              return user;
            });
  }

  /** Claims of a well-formed platform service token for this tenant; tests break one of them. */
  public static JwtClaimsBuilder platformClaims(String scope) {
    long now = Instant.now().getEpochSecond();
    return Jwt.issuer("https://tenantry.io/platform")
        .audience("tenant:acme")
        .subject("control-plane")
        .claim("scope", scope)
        .issuedAt(now)
        .expiresAt(now + 60);
  }

  public PrivateKey platformPrivateKey() {
    try {
      return KeyUtils.decodePrivateKey(
          Files.readString(
              entitlementsDir().getParent().resolve(TenantKeysTestResource.PLATFORM_PRIVATE_KEY)),
          SignatureAlgorithm.ES256);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String platformToken(String scope) {
    return signAsPlatform(platformClaims(scope));
  }

  /** {@code claims} signed by the platform key, as the control plane signs them. */
  public String signAsPlatform(JwtClaimsBuilder claims) {
    return TenantKeysTestResource.sign(claims, platformPrivateKey());
  }

  /** A valid subscriber body; account numbers must differ between subscribers. */
  public static Map<String, Object> subscriber(String account, String name) {
    return Map.of(
        "accountNumber",
        account,
        "name",
        name,
        "email",
        account.toLowerCase() + "@example.net",
        "phone",
        "+1 555 010 0" + account.length(),
        "address",
        "1 Main St",
        "servicePlan",
        "Fiber 300",
        "radiusUsername",
        account.toLowerCase());
  }

  /** A subscriber body with {@code phone} as its number; otherwise as {@link #subscriber}. */
  public static Map<String, Object> subscriber(String account, String name, String phone) {
    Map<String, Object> body = new java.util.HashMap<>(subscriber(account, name));
    body.put("phone", phone);
    return body;
  }

  /** A valid one-line invoice body for {@code subscriberId}. */
  public static Map<String, Object> invoice(String number, String subscriberId) {
    return Map.of(
        "number",
        number,
        "subscriberId",
        subscriberId,
        "currency",
        "USD",
        "dueDate",
        "2026-12-01",
        "lines",
        List.of(Map.of("description", "Fiber", "quantity", 1, "unitPrice", "49.99")));
  }
}
