package io.tenantry.tenantapp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.tenantry.common.keys.Pem;
import io.tenantry.tenantapp.support.AppProcess;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.tenantapp.support.TestEntitlements;
import io.tenantry.testing.PostgresServer;
import io.tenantry.testing.browser.Browser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two tenant-app instances, each the packaged app in its own JVM with its own slug, database and
 * generated signing key, configured through environment variables exactly as the operator's
 * Deployment does. Nothing one tenant issues or stores is accepted or visible at the other.
 */
class TwoTenantsIT {

  private static final KeyPair PLATFORM = TenantKeysTestResource.ec();
  private static final List<Instance> INSTANCES = new ArrayList<>();
  private static Instance alpha;
  private static Instance beta;

  /** {@code password} is the admin's own, chosen in place of the one-time {@code oneTime}. */
  record Instance(
      String slug,
      String database,
      int port,
      Process process,
      String oneTime,
      String password,
      Path root) {
    String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }

    String login() {
      return given()
          .contentType(ContentType.JSON)
          .body(Map.of("email", "admin@" + slug + ".test", "password", password))
          .post(url("/api/v1/auth/login"))
          .then()
          .statusCode(200)
          .extract()
          .path("accessToken");
    }

    /** The bootstrap password is one-time: the admin chooses their own before anything else. */
    void chooseOwnPassword() {
      String access =
          given()
              .contentType(ContentType.JSON)
              .body(Map.of("email", "admin@" + slug + ".test", "password", oneTime))
              .post(url("/api/v1/auth/login"))
              .then()
              .statusCode(200)
              .extract()
              .path("accessToken");
      given()
          .auth()
          .oauth2(access)
          .contentType(ContentType.JSON)
          .body(Map.of("currentPassword", oneTime, "newPassword", password))
          .post(url("/api/v1/staff/me/password"))
          .then()
          .statusCode(204);
    }
  }

  @BeforeAll
  static void startBoth() throws Exception {
    alpha = start("alpha");
    beta = start("beta");
    for (Instance instance : INSTANCES) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> given().get(instance.url("/q/health/ready")).statusCode() == 200);
      instance.chooseOwnPassword();
    }
  }

  @AfterAll
  static void stopBoth() throws InterruptedException {
    for (Instance instance : INSTANCES) {
      instance.process().destroy();
      instance.process().waitFor();
      PostgresServer.get().dropDatabase(instance.database());
    }
  }

  private static Instance start(String slug) throws IOException {
    PostgresServer server = PostgresServer.get();
    String database = server.createDatabase("it_" + slug);
    Path root = Files.createTempDirectory("tenant-" + slug + "-");
    Path entitlements = Files.createDirectories(root.resolve("entitlements"));
    Files.writeString(
        entitlements.resolve("platform-public-key.pem"),
        Pem.encode("PUBLIC KEY", PLATFORM.getPublic().getEncoded()));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String oneTime = UUID.randomUUID().toString();
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", server.urlOf(database));
    env.put("QUARKUS_DATASOURCE_USERNAME", server.user());
    env.put("QUARKUS_DATASOURCE_PASSWORD", server.password());
    env.put("TENANTRY_TENANT_SLUG", slug);
    env.put("TENANTRY_TENANT_DISPLAY_NAME", displayName(slug));
    env.put("TENANTRY_TENANT_SIGNING_KEY_DIR", root.resolve("signing").toString());
    env.put("TENANTRY_TENANT_ENTITLEMENTS_DIR", entitlements.toString());
    env.put("TENANTRY_TENANT_BOOTSTRAP_ADMIN_EMAIL", "admin@" + slug + ".test");
    env.put("TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD", oneTime);
    ProcessBuilder builder =
        new ProcessBuilder(AppProcess.command())
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "it-" + slug + ".log").toFile());
    builder.environment().putAll(env);
    Instance instance =
        new Instance(
            slug, database, port, builder.start(), oneTime, UUID.randomUUID().toString(), root);
    INSTANCES.add(instance);
    return instance;
  }

  /** As the operator passes the Tenant's displayName; markup in it must stay text. */
  private static String displayName(String slug) {
    return "Tenant " + slug + " <b>Fibre</b>";
  }

  private static String platformToken(String audience) {
    long now = Instant.now().getEpochSecond();
    return TenantKeysTestResource.sign(
        Jwt.issuer("https://tenantry.io/platform")
            .audience(audience)
            .subject("control-plane")
            .claim("scope", "tenant:search tenant:usage")
            .issuedAt(now)
            .expiresAt(now + 60),
        PLATFORM.getPrivate());
  }

  /**
   * An SRE reads a warning at start as something to act on, and every tenant app would log it: a
   * production start logs none. One is known and upstream: Quarkus' Netty metrics binder registers
   * the {@code netty.eventexecutor.workers} gauge twice (quarkusio/quarkus#52014).
   */
  @Test
  void aProductionStartLogsNoWarning() throws IOException {
    List<String> start = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("target", "it-alpha.log"))) {
      start.add(line);
      if (line.contains(" started in ")) {
        break;
      }
    }

    assertThat(start).anyMatch(line -> line.contains(" started in "));
    assertThat(start)
        .filteredOn(
            line -> line.contains(" WARN ") && !line.contains("netty.eventexecutor.workers"))
        .isEmpty();
  }

  @Test
  void staffTokenOfOneTenantIsRefusedByTheOther() {
    given()
        .auth()
        .oauth2(alpha.login())
        .get(beta.url("/api/v1/subscribers"))
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(beta.login())
        .get(alpha.url("/api/v1/subscribers"))
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(alpha.login())
        .get(alpha.url("/api/v1/subscribers"))
        .then()
        .statusCode(200);
  }

  @Test
  void aStaffUserOfOneTenantIsRefusedByTheOthersWebApp() {
    try (Browser browser = Browser.start()) {
      signInThroughThePage(browser, alpha, "admin@alpha.test", alpha.password());
      browser.await(ExpectedConditions.titleContains("Dashboard"));
      assertThat(browser.driver().findElement(By.cssSelector(".tenant-name")).getText())
          .isEqualTo(displayName("alpha"));
      String alphaSession = browser.cookies().get("tenantry_staff").getValue();

      // the browser sends alpha's cookie to beta too (cookies ignore the port): beta knows it not
      browser.open(beta.url("/app"));
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(beta.url("/app/sign-in"));
      assertThat(browser.driver().findElement(By.cssSelector(".tenant-name")).getText())
          .isEqualTo(displayName("beta"));
      signInThroughThePage(browser, beta, "admin@alpha.test", alpha.password());
      browser.await(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error")));
      assertThat(browser.driver().findElement(By.id("sign-in-error")).getText())
          .isEqualTo("E-mail or password is wrong.");

      given()
          .redirects()
          .follow(false)
          .cookie("tenantry_staff", alphaSession)
          .get(beta.url("/app/subscribers"))
          .then()
          .statusCode(303);
      given()
          .redirects()
          .follow(false)
          .cookie("tenantry_staff", alphaSession)
          .get(alpha.url("/app/subscribers"))
          .then()
          .statusCode(200);
    }
  }

  private static void signInThroughThePage(
      Browser browser, Instance instance, String email, String password) {
    browser.open(instance.url("/app/sign-in"));
    browser.driver().findElement(By.id("email")).sendKeys(email);
    browser.driver().findElement(By.id("password")).sendKeys(password);
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
  }

  @Test
  void dataNeverCrossesTenants() {
    String alphaToken = alpha.login();
    given()
        .auth()
        .oauth2(alphaToken)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "accountNumber",
                "ALPHA-1",
                "name",
                "Only In Alpha",
                "email",
                "only@alpha.test",
                "servicePlan",
                "Fiber 300",
                "radiusUsername",
                "only.alpha"))
        .post(alpha.url("/api/v1/subscribers"))
        .then()
        .statusCode(201);
    given()
        .auth()
        .oauth2(alphaToken)
        .get(alpha.url("/api/v1/subscribers"))
        .then()
        .body("items.name", org.hamcrest.Matchers.hasItem("Only In Alpha"));
    String betaToken = beta.login();
    given()
        .auth()
        .oauth2(betaToken)
        .get(beta.url("/api/v1/subscribers"))
        .then()
        .body("items", hasSize(0));
    given()
        .auth()
        .oauth2(betaToken)
        .queryParam("q", "Only In Alpha")
        .get(beta.url("/api/v1/search"))
        .then()
        .statusCode(200)
        .body("hits", hasSize(0));
    given()
        .auth()
        .oauth2(platformToken("tenant:beta"))
        .get(beta.url("/internal/v1/usage"))
        .then()
        .statusCode(200)
        .body("subscribers", equalTo(0));
  }

  @Test
  void platformTokenAddressedToOneTenantIsRefusedByTheOther() {
    given()
        .auth()
        .oauth2(platformToken("tenant:alpha"))
        .get(alpha.url("/internal/v1/usage"))
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(platformToken("tenant:alpha"))
        .get(beta.url("/internal/v1/usage"))
        .then()
        .statusCode(401);
  }

  @Test
  void eachTenantGeneratedItsOwnSigningKeyAtFirstStart() throws IOException {
    String alphaKey = Files.readString(alpha.root().resolve("signing/public-key.pem"));
    String betaKey = Files.readString(beta.root().resolve("signing/public-key.pem"));
    assertThat(alphaKey).startsWith("-----BEGIN PUBLIC KEY-----").isNotEqualTo(betaKey);
    assertThat(
            Files.getPosixFilePermissions(alpha.root().resolve("signing/private-key.pem"))
                .toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
  }

  @Test
  void demoDataIsOffInProduction() {
    given()
        .auth()
        .oauth2(alpha.login())
        .queryParam("subscribers", 10)
        .post(alpha.url("/api/v1/demo-data"))
        .then()
        .statusCode(404);
  }

  @Test
  void beforeAnyEntitlementsProductionGatesEveryFeatureAndSeatsOnlyTheFirstAdministrator() {
    String token = alpha.login();
    given()
        .auth()
        .oauth2(token)
        .get(alpha.url("/api/v1/invoices"))
        .then()
        .statusCode(403)
        .body("feature", equalTo("invoicing"))
        .body("plan", equalTo("unlicensed"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("email", "second@alpha.test", "displayName", "Second", "role", "support"))
        .post(alpha.url("/api/v1/staff"))
        .then()
        .statusCode(409)
        .body("type", equalTo("https://tenantry.io/problems/seat-limit"))
        .body("limit", equalTo(1));
  }

  @Test
  void signedEntitlementsReachARunningProductionApp() {
    TestEntitlements.write(
        beta.root().resolve("entitlements"),
        TestEntitlements.plan("professional", 5)
            .forTenant("beta")
            .signedFile(PLATFORM.getPrivate()));
    String token = beta.login();

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                given().auth().oauth2(token).get(beta.url("/api/v1/invoices")).statusCode() == 200);
  }
}
