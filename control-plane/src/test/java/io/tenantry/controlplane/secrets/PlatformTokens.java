package io.tenantry.controlplane.secrets;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.tenantry.controlplane.support.TestPlatform;
import io.tenantry.controlplane.users.PlatformUser;
import java.util.Map;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/** Test helper: access tokens as a login hands them out, and the algorithm a token names. */
final class PlatformTokens {

  private PlatformTokens() {}

  /** The access token of a password login by {@code user} (created with the test password). */
  static String login(PlatformUser user) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", user.email, "password", TestPlatform.PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  /** The {@code alg} header of a compact JWS. */
  static String algorithmOf(String jws) {
    try {
      return JsonWebStructure.fromCompactSerialization(jws).getAlgorithmHeaderValue();
    } catch (JoseException e) {
      throw new IllegalArgumentException("not a compact JWS", e);
    }
  }
}
