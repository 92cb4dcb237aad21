package io.tenantry.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.tenantry.operator.support.Cluster;
import io.tenantry.operator.support.Tester;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(crud = true)
class OperatorBootTest {
  @Inject @Tester KubernetesClient client;
  @KubernetesTestServer KubernetesServer server;

  @AfterEach
  void operatorMadeOnlyReviewedRequests() {
    new Cluster(client, server).checkOperatorRequests();
  }

  @Test
  void livenessAndReadinessAreUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void exposesPrometheusMetrics() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void servesItsOpenApiDocument() {
    given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", equalTo("3.1.0"));
  }
}
