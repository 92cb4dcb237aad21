package io.tenantry.tenantapp.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.tenantry.tenantapp.support.RsaSigningKeyTestResource;
import io.tenantry.tenantapp.support.TestTenant;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A tenant whose signing-key Secret holds an RSA key (generated before the operator switched to EC)
 * keeps working: its staff tokens are RS256, and only RS256 is accepted for that key.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RsaSigningKeyTestResource.class)
class RsaSigningKeyTest {

  private static final String API = "/api/v1/subscribers";

  @Inject TestTenant tenant;

  @Test
  void staffTokensAreRs256AndAccepted() {
    String token = tenant.tokenFor(Role.operator);

    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    assertThat(header).contains("\"RS256\"");
    given().auth().oauth2(token).get(API).then().statusCode(200);
  }

  @Test
  void anotherAlgorithmWithTheSameRsaKeyIsRefused() throws Exception {
    Path dir = ConfigProvider.getConfig().getValue("tenantry.tenant.signing-key-dir", Path.class);
    String token =
        Jwt.issuer("https://acme.tenants.tenantry.io")
            .audience("tenant-app")
            .subject(tenant.userIdFor(Role.operator).toString())
            .groups("operator")
            .claim("tenant", "acme")
            .expiresIn(300)
            .jws()
            // PS256 verifies with the same RSA key; the app accepts only what the key is for
            .algorithm(SignatureAlgorithm.PS256)
            .sign(KeyUtils.decodePrivateKey(Files.readString(dir.resolve("private-key.pem"))));

    given().auth().oauth2(token).get(API).then().statusCode(401);
  }
}
