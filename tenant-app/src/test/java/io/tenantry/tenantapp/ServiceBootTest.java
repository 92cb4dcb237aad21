package io.tenantry.tenantapp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.db.SchemaMigration;
import io.tenantry.tenantapp.db.SchemaState;
import io.tenantry.tenantapp.db.ShippedMigrations;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class ServiceBootTest {

  @Inject AgroalDataSource dataSource;
  @Inject SchemaMigration schemaMigration;

  @Test
  void livenessAndReadinessAreUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
  }

  @Test
  void exposesPrometheusMetrics() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void servesItsOpenApiDocument() {
    given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", equalTo("3.1.0"));
  }

  @Test
  void flywayOwnsTheSchema() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM flyway_schema_history WHERE success AND version = '1'")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void theStartMigratedTheEmptyDatabaseWithFlyway() throws SQLException {
    assertThat(schemaMigration.outcome()).isEqualTo(SchemaMigration.Outcome.MIGRATED);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(SchemaState.isCurrent(connection, ShippedMigrations.load())).isTrue();
    }
  }
}
