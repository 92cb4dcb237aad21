package io.tenantry.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded API server answers the requests kubectl makes for {@code kubectl apply -f
 * tenant.yaml}, {@code kubectl get tnt} and {@code kubectl explain tenant.spec}, in the order
 * kubectl makes them, and serves the platform's own Fabric8 clients through the kubeconfig it
 * writes.
 */
class EmbeddedKubernetesTest {

  @TempDir static Path home;
  static EmbeddedKubernetes kube;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    kube = EmbeddedKubernetes.start(0, home.resolve("kubeconfig"), "tenantry-system");
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  static JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(kube.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return Serialization.jsonMapper().readTree(response.body());
  }

  @Test
  void discoveryResolvesTheShortNameTnt() throws Exception {
    JsonNode groups = get("/apis");
    assertThat(groups.get("kind").asText()).isEqualTo("APIGroupList");
    assertThat(groups.findValuesAsText("name")).contains("tenantry.io", "apps");

    JsonNode resources = get("/apis/tenantry.io/v1alpha1");
    JsonNode tenants = resources.get("resources").get(0);
    assertThat(tenants.get("name").asText()).isEqualTo("tenants");
    assertThat(tenants.get("namespaced").asBoolean()).isFalse();
    assertThat(tenants.get("shortNames").get(0).asText()).isEqualTo("tnt");
    assertThat(tenants.get("verbs").toString()).contains("create", "list", "watch");
  }

  @Test
  void discoveryResolvesReleasesAndRollouts() throws Exception {
    JsonNode resources = get("/apis/tenantry.io/v1alpha1").get("resources");

    assertThat(resources.findValuesAsText("name"))
        .contains("releases", "rollouts", "rollouts/status");
    assertThat(resources.toString()).contains("\"rel\"", "\"ro\"");
  }

  @Test
  void coreDiscoveryListsNamespaces() throws Exception {
    assertThat(get("/api").get("versions").get(0).asText()).isEqualTo("v1");
    assertThat(get("/api/v1").findValuesAsText("name")).contains("namespaces", "secrets");
  }

  @Test
  void openApiCarriesTheCrdSchemaForValidationAndExplain() throws Exception {
    String url =
        get("/openapi/v3").at("/paths/apis~1tenantry.io~1v1alpha1/serverRelativeURL").asText();
    JsonNode document = get(url);
    JsonNode schema = document.at("/components/schemas/io.tenantry.v1alpha1.Tenant");
    assertThat(schema.at("/properties/spec/properties/plan/enum").toString())
        .contains("professional");
    assertThat(schema.at("/x-kubernetes-group-version-kind/0/kind").asText()).isEqualTo("Tenant");
    assertThat(
            document
                .at(
                    "/paths/~1apis~1tenantry.io~1v1alpha1~1tenants/post/x-kubernetes-group-version-kind/kind")
                .asText())
        .isEqualTo("Tenant");
  }

  @Test
  void kubectlGetPrintsThePrinterColumnsOfTheCrd() throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(kube.kubeconfig()));
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      Tenant tenant = new Tenant();
      tenant.getMetadata().setName("printed");
      tenant.setSpec(new TenantSpec());
      tenant.getSpec().displayName = "Printed";
      tenant.getSpec().plan = Plan.STARTER;
      client.resource(tenant).create();
    }
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(kube.url() + "/apis/tenantry.io/v1alpha1/tenants/printed"))
                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode table = Serialization.jsonMapper().readTree(response.body());

    assertThat(table.get("kind").asText()).isEqualTo("Table");
    assertThat(table.get("columnDefinitions").findValuesAsText("name"))
        .containsExactly("Name", "Age", "Plan", "Version", "Phase", "URL");
    JsonNode cells = table.at("/rows/0/cells");
    assertThat(cells.get(0).asText()).isEqualTo("printed");
    assertThat(cells.get(1).asText()).matches("\\d+[smhd]");
    assertThat(cells.get(2).asText()).isEqualTo("starter");
    assertThat(cells.get(3).asText()).isEmpty();
  }

  @Test
  void openApiV2IsAbsentSoKubectlUsesV3() throws Exception {
    HttpResponse<Void> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(kube.url() + "/openapi/v2")).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void theWrittenKubeconfigReachesTheServerWithTheCrdAndPlatformNamespaceInstalled()
      throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(kube.kubeconfig()));
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(client.namespaces().withName("tenantry-system").get()).isNotNull();
      assertThat(
              client
                  .apiextensions()
                  .v1()
                  .customResourceDefinitions()
                  .withName("tenants.tenantry.io")
                  .get())
          .isNotNull();

      Tenant tenant = new Tenant();
      tenant.getMetadata().setName("acme");
      tenant.setSpec(new TenantSpec());
      tenant.getSpec().displayName = "Acme";
      tenant.getSpec().plan = Plan.PROFESSIONAL;
      client.resource(tenant).create();

      assertThat(client.resources(Tenant.class).list().getItems())
          .extracting(Tenant::slug)
          .contains("acme");
    }
  }

  @Test
  void tenantsARealApiServerWouldRefuseAreRefusedWith422NamingTheField() throws Exception {
    String[][] cases = {
      {"kube-system", "{\"displayName\":\"K\",\"plan\":\"free\"}", "metadata.name"},
      {"ACME", "{\"displayName\":\"A\",\"plan\":\"free\"}", "metadata.name"},
      {"xn--acme", "{\"displayName\":\"X\",\"plan\":\"free\"}", "metadata.name"},
      {"platinum", "{\"displayName\":\"P\",\"plan\":\"platinum\"}", "spec.plan"},
      {
        "negative",
        "{\"displayName\":\"N\",\"plan\":\"free\",\"entitlements\":{\"seats\":-5}}",
        "spec.entitlements.seats"
      },
      {"nameless", "{\"plan\":\"free\"}", "spec.displayName"}
    };
    for (String[] c : cases) {
      String body =
          "{\"apiVersion\":\"tenantry.io/v1alpha1\",\"kind\":\"Tenant\",\"metadata\":{\"name\":\""
              + c[0]
              + "\"},\"spec\":"
              + c[1]
              + "}";
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(kube.url() + "/apis/tenantry.io/v1alpha1/tenants"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(c[0]).isEqualTo(422);
      JsonNode status = Serialization.jsonMapper().readTree(response.body());
      assertThat(status.at("/details/causes/0/field").asText()).as(c[0]).isEqualTo(c[2]);
      assertThat(
              HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create(kube.url() + "/apis/tenantry.io/v1alpha1/tenants/" + c[0]))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .as("%s not stored", c[0])
          .isEqualTo(404);
    }
  }

  @Test
  void aPatchThatWouldBreakTheRulesIsRefusedWith422AndTheTenantStaysAsItWas() throws Exception {
    String url = kube.url() + "/apis/tenantry.io/v1alpha1/tenants";
    String body =
        "{\"apiVersion\":\"tenantry.io/v1alpha1\",\"kind\":\"Tenant\",\"metadata\":{\"name\":\"patched\"},"
            + "\"spec\":{\"displayName\":\"Patched\",\"plan\":\"free\"}}";
    assertThat(send("POST", url, "application/json", body).statusCode()).isEqualTo(201);
    String[][] cases = {
      {"application/merge-patch+json", "{\"spec\":{\"plan\":\"platinum\"}}", "spec.plan"},
      {"application/merge-patch+json", "{\"spec\":{\"displayName\":null}}", "spec.displayName"},
      {
        "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/spec/plan\",\"value\":\"platinum\"}]",
        "spec.plan"
      },
      {
        "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/spec/entitlements\",\"value\":{\"seats\":-5}}]",
        "spec.entitlements.seats"
      }
    };
    for (String[] c : cases) {
      HttpResponse<String> response = send("PATCH", url + "/patched", c[0], c[1]);

      assertThat(response.statusCode()).as(c[1]).isEqualTo(422);
      JsonNode status = Serialization.jsonMapper().readTree(response.body());
      assertThat(status.at("/details/causes/0/field").asText()).as(c[1]).isEqualTo(c[2]);
    }
    JsonNode stored =
        Serialization.jsonMapper().readTree(send("GET", url + "/patched", null, null).body());
    assertThat(stored.at("/spec/plan").asText()).isEqualTo("free");
    assertThat(stored.at("/spec/displayName").asText()).isEqualTo("Patched");
    assertThat(stored.at("/spec/entitlements").isMissingNode()).isTrue();

    HttpResponse<String> valid =
        send(
            "PATCH",
            url + "/patched",
            "application/merge-patch+json",
            "{\"spec\":{\"plan\":\"starter\"}}");
    // the CRUD mock answers a patch 202 where a real API server says 200
    assertThat(valid.statusCode()).isIn(200, 202);
    assertThat(Serialization.jsonMapper().readTree(valid.body()).at("/spec/plan").asText())
        .isEqualTo("starter");
  }

  private static HttpResponse<String> send(
      String method, String url, String contentType, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aValidTenantIsStoredAsSent() throws Exception {
    String body =
        "{\"apiVersion\":\"tenantry.io/v1alpha1\",\"kind\":\"Tenant\",\"metadata\":{\"name\":\"valid-one\"},"
            + "\"spec\":{\"displayName\":\"Valid\",\"plan\":\"free\"}}";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(kube.url() + "/apis/tenantry.io/v1alpha1/tenants"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(get("/apis/tenantry.io/v1alpha1/tenants/valid-one").at("/spec/displayName").asText())
        .isEqualTo("Valid");
  }

  @Test
  void serverSideApplyCreatesAnAbsentObjectAndMergesIntoAnExistingOne() {
    try (KubernetesClient client =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder()
            .withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl(kube.url()).build())
            .build()) {
      io.fabric8.kubernetes.api.model.ConfigMap first =
          new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
              .withNewMetadata()
              .withName("applied")
              .withNamespace("tenantry-system")
              .endMetadata()
              .addToData("a", "1")
              .build();
      client.resource(first).fieldManager("test").forceConflicts().serverSideApply();
      io.fabric8.kubernetes.api.model.ConfigMap second =
          new io.fabric8.kubernetes.api.model.ConfigMapBuilder(first).addToData("b", "2").build();
      second.getData().put("a", "changed");
      client.resource(second).fieldManager("test").forceConflicts().serverSideApply();

      assertThat(
              client
                  .configMaps()
                  .inNamespace("tenantry-system")
                  .withName("applied")
                  .get()
                  .getData())
          .containsEntry("a", "changed")
          .containsEntry("b", "2");

      io.fabric8.kubernetes.api.model.Service service =
          new io.fabric8.kubernetes.api.model.ServiceBuilder()
              .withNewMetadata()
              .withName("applied")
              .withNamespace("tenantry-system")
              .endMetadata()
              .withNewSpec()
              .addNewPort()
              .withName("http")
              .withPort(80)
              .endPort()
              .endSpec()
              .build();
      client.resource(service).fieldManager("test").forceConflicts().serverSideApply();
      client.resource(service).fieldManager("test").forceConflicts().serverSideApply();
      assertThat(
              client
                  .services()
                  .inNamespace("tenantry-system")
                  .withName("applied")
                  .get()
                  .getSpec()
                  .getPorts())
          .as("a list is replaced, not appended to")
          .hasSize(1);
    }
  }
}
