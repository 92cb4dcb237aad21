package io.tenantry.controlplane.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEntry;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.testing.PostgresTestResource;
import io.tenantry.testing.RedisTestResource;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forwarding headers name the client only when a trusted proxy sent them: the test profile trusts
 * 127.0.0.1 (tenantry's default), and 127.0.0.2 plays a client that is not a proxy.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RedisTestResource.class)
@WithKubernetesTestServer(crud = true)
class TrustedProxyTest {

  @Inject TestPlatform platform;

  @TestHTTPResource("/")
  URL server;

  private PlatformUser user;

  @BeforeEach
  void reset() {
    platform.reset();
    user = platform.user(Role.SUPPORT);
  }

  private String loginBody() {
    return "{\"email\":\"" + user.email + "\",\"password\":\"" + TestPlatform.PASSWORD + "\"}";
  }

  @Test
  void xForwardedForFromATrustedProxyNamesTheClient() {
    given()
        .header("X-Forwarded-For", "203.0.113.7")
        .contentType(ContentType.JSON)
        .body(loginBody())
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);

    assertThat(loginAddress()).isEqualTo("203.0.113.7");
  }

  @Test
  void forwardedFromATrustedProxyNamesTheClient() {
    given()
        .header("Forwarded", "for=198.51.100.9;proto=https")
        .contentType(ContentType.JSON)
        .body(loginBody())
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200);

    assertThat(loginAddress()).isEqualTo("198.51.100.9");
  }

  @Test
  void forwardingHeadersFromAnyoneElseAreIgnored() throws Exception {
    String status = postFrom("127.0.0.2", "/api/v1/auth/login", loginBody(), "203.0.113.7");

    assertThat(status).startsWith("HTTP/1.1 200");
    assertThat(loginAddress()).isEqualTo("127.0.0.2");
  }

  private static String loginAddress() {
    return AuditEntry.<AuditEntry>find("action", "auth.login").firstResult().clientAddress;
  }

  /** A request whose connection starts at {@code source}; returns the status line. */
  private String postFrom(String source, String path, String body, String forwardedFor)
      throws Exception {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket =
        new Socket(
            InetAddress.getByName("127.0.0.1"),
            server.getPort(),
            InetAddress.getByName(source),
            0)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "X-Forwarded-For: "
                  + forwardedFor
                  + "\r\nContent-Length: "
                  + content.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(0, response.indexOf("\r\n"));
    }
  }
}
