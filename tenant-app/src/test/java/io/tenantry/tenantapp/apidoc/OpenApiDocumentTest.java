package io.tenantry.tenantapp.apidoc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.common.Resources;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.testing.PostgresTestResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The app serves a stored OpenAPI document (the extension is not in the packaged app); these are
 * the proof that it is the API's real one: SmallRye OpenAPI, present in the tests, generates the
 * document from the code at /q/openapi-generated, and the stored one must be the same, byte for
 * byte, in both formats.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class OpenApiDocumentTest {

  @Test
  void theStoredDocumentIsTheOneTheCodeGenerates() throws IOException {
    String generatedYaml = body("/q/openapi-generated");
    String generatedJson = body("/q/openapi-generated?format=json");
    String storedYaml = new String(Resources.read(OpenApiDocument.YAML), StandardCharsets.UTF_8);
    String storedJson = new String(Resources.read(OpenApiDocument.JSON), StandardCharsets.UTF_8);
    if (!generatedYaml.equals(storedYaml) || !generatedJson.equals(storedJson)) {
      // the fix is to store what the code generates: written where the message says
      Path out = Path.of("target", "openapi");
      Files.createDirectories(out);
      Files.writeString(out.resolve("openapi.yaml"), generatedYaml);
      Files.writeString(out.resolve("openapi.json"), generatedJson);
    }
    assertThat(storedYaml)
        .as("stale: copy tenant-app/target/openapi/* to tenant-app/src/main/resources/openapi/")
        .isEqualTo(generatedYaml);
    assertThat(storedJson)
        .as("stale: copy tenant-app/target/openapi/* to tenant-app/src/main/resources/openapi/")
        .isEqualTo(generatedJson);
  }

  @Test
  void servesTheStoredDocumentAsYamlAndAsJson() {
    String storedYaml = new String(Resources.read(OpenApiDocument.YAML), StandardCharsets.UTF_8);
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/yaml"))
        .body(equalTo(storedYaml));
    given()
        .get("/q/openapi?format=JSON")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("openapi", equalTo("3.1.0"))
        .body("info.title", equalTo("Tenantry tenant app"))
        .body("paths", hasKey("/api/v1/subscribers"))
        .body("paths", hasKey("/api/v1/auth/login"))
        .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("paths", hasKey("/api/v1/search"));
  }

  private static String body(String path) {
    return given().get(path).then().statusCode(200).extract().asString();
  }
}
