package io.tenantry.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.charts.TenantryChart.Rendered;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each documented option renders, and renders what it promises. */
class ValuesOptionsTest {

  private static final String OPERATOR = "tenantry-operator";
  private static final String CONTROL_PLANE = "tenantry-control-plane";
  private static final String SHARED = "TENANTRY_OPERATOR_DATABASE_SHARED_SERVER_";

  @Test
  void defaultsInstallOperatorAndControlPlane() {
    Rendered rendered = TenantryChart.render(Map.of());

    assertThat(rendered.ofKind("Deployment"))
        .extracting(d -> d.at("/metadata/name").asText())
        .containsExactlyInAnyOrder(OPERATOR, CONTROL_PLANE);
    assertThat(rendered.ofKind("PodDisruptionBudget")).hasSize(2);
    assertThat(rendered.ofKind("ServiceMonitor")).isEmpty();
    assertThat(rendered.get("Service", CONTROL_PLANE).at("/spec/ports/0/targetPort").asText())
        .isEqualTo("http");
  }

  @Test
  void operatorRunsTwoReplicasThatElectALeaderWithALeaseInTheReleaseNamespace() {
    Rendered rendered = TenantryChart.render(Map.of());
    JsonNode operator = rendered.get("Deployment", OPERATOR);

    assertThat(operator.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(operator.at("/spec/strategy/type").asText()).isNotEqualTo("Recreate");
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE"))
        .isEqualTo(TenantryChart.NAMESPACE);
  }

  @Test
  void operatorBindsItsOwnServiceAccountInTenantNamespaces() {
    Rendered rendered = TenantryChart.render(Map.of());

    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_ACCESS_SERVICE_ACCOUNT"))
        .isEqualTo(
            rendered
                .get("Deployment", OPERATOR)
                .at("/spec/template/spec/serviceAccountName")
                .asText());
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_ACCESS_SERVICE_ACCOUNT_NAMESPACE"))
        .isEqualTo(TenantryChart.NAMESPACE);
    assertThat(
            rendered.has(
                "ClusterRole", value(rendered, OPERATOR, "TENANTRY_OPERATOR_ACCESS_CLUSTER_ROLE")))
        .isTrue();
  }

  @Test
  void controlPlaneRollsWhenItsConfigurationChanges() {
    String before = checksum(TenantryChart.render(Map.of()));
    String after =
        checksum(TenantryChart.render(Map.of("controlPlane.corsOrigins", "https://c.example")));

    assertThat(after).isNotEqualTo(before);
  }

  private static String checksum(Rendered rendered) {
    return rendered
        .get("Deployment", CONTROL_PLANE)
        .at("/spec/template/metadata/annotations/checksum~1config")
        .asText();
  }

  @Test
  void operatorConfigKeysAreExactlyTheMappedOnes() {
    // The value → tenantry.operator.* mapping (OperatorConfig); a rename there must change this.
    assertThat(envNames(TenantryChart.render(Map.of()), OPERATOR))
        .containsExactly(
            "POD_NAMESPACE",
            "TENANTRY_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE",
            "TENANTRY_OPERATOR_ACCESS_CLUSTER_ROLE",
            "TENANTRY_OPERATOR_ACCESS_SERVICE_ACCOUNT",
            "TENANTRY_OPERATOR_ACCESS_SERVICE_ACCOUNT_NAMESPACE",
            "TENANTRY_OPERATOR_BASE_DOMAIN",
            "TENANTRY_OPERATOR_PLATFORM_PUBLIC_KEY",
            "TENANTRY_OPERATOR_INGRESS_CLASS_NAME",
            "TENANTRY_OPERATOR_INGRESS_CLUSTER_ISSUER",
            "TENANTRY_OPERATOR_APP_IMAGE_REPOSITORY",
            "TENANTRY_OPERATOR_APP_DEFAULT_TAG",
            "TENANTRY_OPERATOR_DATABASE_MODE",
            SHARED + "HOST",
            SHARED + "PORT",
            SHARED + "NAMESPACE",
            SHARED + "ADMIN_DATABASE",
            SHARED + "ADMIN_USER",
            SHARED + "ADMIN_PASSWORD_SECRET_NAME",
            SHARED + "ADMIN_PASSWORD_SECRET_NAMESPACE",
            SHARED + "ADMIN_PASSWORD_SECRET_KEY",
            "TENANTRY_OPERATOR_NETWORK_PLATFORM_NAMESPACE_SELECTOR",
            "TENANTRY_OPERATOR_NETWORK_PLATFORM_POD_SELECTOR",
            "TENANTRY_OPERATOR_NETWORK_OPERATOR_POD_SELECTOR",
            "TENANTRY_OPERATOR_NETWORK_PLATFORM_API_PORT",
            "TENANTRY_OPERATOR_NETWORK_INGRESS_NAMESPACE_SELECTOR",
            "TENANTRY_OPERATOR_NETWORK_INGRESS_POD_SELECTOR",
            "TENANTRY_OPERATOR_NETWORK_SHARED_SERVICES_NAMESPACE",
            "TENANTRY_OPERATOR_NETWORK_SHARED_SERVICES_PORTS",
            "TENANTRY_OPERATOR_NETWORK_DNS_NAMESPACE",
            "TENANTRY_OPERATOR_NETWORK_DNS_POD_SELECTOR",
            "TENANTRY_OPERATOR_NETWORK_DNS_PORT",
            "TENANTRY_OPERATOR_NETWORK_CLUSTER_CIDRS",
            "TENANTRY_OPERATOR_NETWORK_PRIVATE_CIDRS");
  }

  @Test
  void operatorReceivesInstallationValues() {
    Rendered rendered =
        TenantryChart.render(
            Map.of(
                "baseDomain", "isp.example.net",
                "operator.ingressNamespace", "traefik",
                "operator.network.clusterCidrs[0]", "10.1.0.0/16",
                "operator.network.clusterCidrs[1]", "10.2.0.0/16"));

    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_BASE_DOMAIN"))
        .isEqualTo("isp.example.net");
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_NETWORK_PLATFORM_NAMESPACE_SELECTOR"))
        .isEqualTo("kubernetes.io/metadata.name=" + TenantryChart.NAMESPACE);
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_NETWORK_INGRESS_NAMESPACE_SELECTOR"))
        .isEqualTo("kubernetes.io/metadata.name=traefik");
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_NETWORK_CLUSTER_CIDRS"))
        .isEqualTo("10.1.0.0/16,10.2.0.0/16");
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_NETWORK_PLATFORM_POD_SELECTOR"))
        .isEqualTo("app.kubernetes.io/instance=tenantry,app.kubernetes.io/name=control-plane");
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_NETWORK_OPERATOR_POD_SELECTOR"))
        .isEqualTo("app.kubernetes.io/instance=tenantry,app.kubernetes.io/name=operator");
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_NETWORK_INGRESS_POD_SELECTOR"))
        .isEqualTo("app.kubernetes.io/component=controller,app.kubernetes.io/name=ingress-nginx");
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_NETWORK_DNS_POD_SELECTOR"))
        .isEqualTo("k8s-app=kube-dns");
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_NETWORK_SHARED_SERVICES_PORTS"))
        .isEqualTo("443,587");
  }

  @Test
  void cnpgModeNeedsNoSharedServerCredential() {
    Rendered rendered = TenantryChart.render(Map.of("operator.database.mode", "cloudnative-pg"));

    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_DATABASE_MODE"))
        .isEqualTo("cloudnative-pg");
    assertThat(rendered.ofKind("Secret"))
        .extracting(s -> s.at("/metadata/name").asText())
        .doesNotContain("tenantry-operator-db-admin");
    assertThat(envNames(rendered, OPERATOR))
        .noneMatch(name -> name.startsWith(SHARED))
        .contains("TENANTRY_OPERATOR_DATABASE_CNPG_OPERATOR_NAMESPACE");
  }

  @Test
  void sharedServerAdminPasswordComesFromTheExistingSecret() {
    Rendered rendered =
        TenantryChart.render(
            Map.of(
                "operator.database.sharedServer.adminPasswordSecret.name", "pg-admin",
                "operator.database.sharedServer.adminPasswordSecret.key", "pw"));

    assertThat(rendered.ofKind("Secret"))
        .extracting(s -> s.at("/metadata/name").asText())
        .doesNotContain("tenantry-operator-db-admin");
    assertThat(value(rendered, OPERATOR, SHARED + "ADMIN_PASSWORD_SECRET_NAME"))
        .isEqualTo("pg-admin");
    assertThat(value(rendered, OPERATOR, SHARED + "ADMIN_PASSWORD_SECRET_KEY")).isEqualTo("pw");
  }

  @Test
  void sharedServerAdminPasswordCanComeFromVaultWithTheTokenFromASecret() {
    Rendered rendered =
        TenantryChart.render(
            Map.of(
                "vault.address", "https://vault.vault.svc:8200",
                "operator.database.sharedServer.adminPasswordVault.enabled", true,
                "operator.database.sharedServer.adminPasswordVault.path", "pg/admin",
                "operator.database.sharedServer.adminPasswordVault.tokenSecret.name", "op-vault"));

    assertThat(value(rendered, OPERATOR, SHARED + "ADMIN_PASSWORD_VAULT_ADDRESS"))
        .isEqualTo("https://vault.vault.svc:8200");
    assertThat(value(rendered, OPERATOR, SHARED + "ADMIN_PASSWORD_VAULT_MOUNT"))
        .isEqualTo("secret");
    assertThat(value(rendered, OPERATOR, SHARED + "ADMIN_PASSWORD_VAULT_PATH"))
        .isEqualTo("pg/admin");
    assertThat(
            rendered
                .env(OPERATOR, SHARED + "ADMIN_PASSWORD_VAULT_TOKEN")
                .at("/valueFrom/secretKeyRef"))
        .hasToString("{\"name\":\"op-vault\",\"key\":\"vault-token\"}");
    assertThat(envNames(rendered, OPERATOR)).doesNotContain(SHARED + "ADMIN_PASSWORD_SECRET_NAME");
    assertThat(rendered.ofKind("Secret"))
        .extracting(s -> s.at("/metadata/name").asText())
        .doesNotContain("tenantry-operator-db-admin");
  }

  @Test
  void vaultForTheAdminPasswordNeedsAVaultAddress() {
    assertThatThrownBy(
            () ->
                TenantryChart.render(
                    Map.of(
                        "operator.database.sharedServer.adminPasswordVault.enabled",
                        true,
                        "operator.database.sharedServer.adminPasswordVault.tokenSecret.name",
                        "op-vault")))
        .hasMessageContaining("adminPasswordVault.enabled needs vault.address");
  }

  @Test
  void anEmptyAdminPasswordIsRefusedAtInstall() {
    for (String empty : List.of("", "  ")) {
      assertThatThrownBy(
              () ->
                  TenantryChart.renderExactly(
                      Map.of("operator.database.sharedServer.adminPassword", empty), List.of()))
          .hasMessageContaining("never connects with an empty admin password");
    }
  }

  @Test
  void theOperatorConnectsAsADedicatedRoleNotTheSuperuserByDefault() {
    assertThat(value(TenantryChart.render(Map.of()), OPERATOR, SHARED + "ADMIN_USER"))
        .isEqualTo("tenantry_operator");
  }

  @Test
  void withoutExistingSecretTheAdminPasswordGoesIntoTheChartsSecretOnly() {
    Rendered rendered =
        TenantryChart.render(Map.of("operator.database.sharedServer.adminPassword", "pg-s3cret"));

    assertThat(
            rendered
                .get("Secret", "tenantry-operator-db-admin")
                .at("/stringData/password")
                .asText())
        .isEqualTo("pg-s3cret");
    assertThat(value(rendered, OPERATOR, SHARED + "ADMIN_PASSWORD_SECRET_NAME"))
        .isEqualTo("tenantry-operator-db-admin");
    assertThat(rendered.get("Deployment", OPERATOR).toString()).doesNotContain("pg-s3cret");
  }

  @Test
  void controlPlaneCredentialsComeFromTheExistingSecret() {
    Rendered rendered = TenantryChart.render(Map.of("controlPlane.existingSecret", "cp-creds"));

    assertThat(rendered.has("Secret", CONTROL_PLANE)).isFalse();
    for (String env :
        List.of(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_FLYWAY_USERNAME",
            "QUARKUS_FLYWAY_PASSWORD",
            "TENANTRY_REDIS_URL",
            "TENANTRY_BOOTSTRAP_OWNER_PASSWORD")) {
      assertThat(rendered.env(CONTROL_PLANE, env).at("/valueFrom/secretKeyRef/name").asText())
          .as(env)
          .isEqualTo("cp-creds");
    }
  }

  @Test
  void withoutExistingSecretTheChartKeepsCredentialsInItsOwnSecret() {
    Rendered rendered =
        TenantryChart.render(Map.of("controlPlane.database.password", "s3cret-from-values"));

    assertThat(rendered.get("Secret", CONTROL_PLANE).at("/stringData/database-password").asText())
        .isEqualTo("s3cret-from-values");
    assertThat(rendered.get("ConfigMap", CONTROL_PLANE).toString())
        .doesNotContain("s3cret-from-values");
    assertThat(rendered.get("Deployment", CONTROL_PLANE).toString())
        .doesNotContain("s3cret-from-values");
  }

  @Test
  void theOperatorTrustsTheKeyBundleTheControlPlanePublishes() {
    Rendered rendered = TenantryChart.render(Map.of("signingKeys.secretName", "platform-key"));

    assertThat(
            rendered
                .get("ConfigMap", CONTROL_PLANE)
                .at("/data/TENANTRY_SECRETS_PLATFORM_KEY_NAME")
                .asText())
        .isEqualTo("platform-key");
    assertThat(
            rendered
                .env(OPERATOR, "TENANTRY_OPERATOR_PLATFORM_PUBLIC_KEY")
                .at("/valueFrom/configMapKeyRef"))
        .hasToString(
            "{\"name\":\"tenantry-platform-public-keys\",\"key\":\"platform-public-keys.pem\"}");
  }

  @Test
  void ingressOnServesTheAdminHostWithTls() {
    JsonNode ingress =
        TenantryChart.render(Map.of("controlPlane.ingress.host", "admin.isp.example.net"))
            .get("Ingress", CONTROL_PLANE);

    assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("admin.isp.example.net");
    assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("admin.isp.example.net");
    assertThat(ingress.at("/metadata/annotations/cert-manager.io~1cluster-issuer").asText())
        .isEqualTo("letsencrypt");
    assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText())
        .isEqualTo(CONTROL_PLANE);
  }

  @Test
  void ingressExposesTheApiButNotQuarkusManagementPaths() {
    JsonNode paths =
        TenantryChart.render(Map.of()).get("Ingress", CONTROL_PLANE).at("/spec/rules/0/http/paths");

    assertThat(paths).hasSize(1);
    assertThat(paths.at("/0/path").asText()).isEqualTo("/api");
    assertThat(paths.at("/0/pathType").asText()).isEqualTo("Prefix");
  }

  @Test
  void ingressOffRendersNoIngress() {
    assertThat(
            TenantryChart.render(Map.of("controlPlane.ingress.enabled", false)).ofKind("Ingress"))
        .isEmpty();
  }

  @Test
  void vaultBecomesTheSecretStoreWithItsTokenFromTheCredentialsSecret() {
    Rendered rendered =
        TenantryChart.render(
            Map.of(
                "vault.enabled", true,
                "vault.address", "https://vault.vault.svc:8200",
                "controlPlane.existingSecret", "cp-creds"));

    JsonNode config = rendered.get("ConfigMap", CONTROL_PLANE).path("data");
    assertThat(config.path("TENANTRY_SECRETS_PROVIDER").asText()).isEqualTo("vault");
    assertThat(config.path("TENANTRY_SECRETS_VAULT_ADDRESS").asText())
        .isEqualTo("https://vault.vault.svc:8200");
    assertThat(
            rendered
                .env(CONTROL_PLANE, "TENANTRY_SECRETS_VAULT_TOKEN")
                .at("/valueFrom/secretKeyRef"))
        .hasToString("{\"name\":\"cp-creds\",\"key\":\"vault-token\"}");
  }

  @Test
  void vaultOffKeepsSecretsInKubernetesWithoutAToken() {
    Rendered rendered = TenantryChart.render(Map.of());

    assertThat(
            rendered.get("ConfigMap", CONTROL_PLANE).at("/data/TENANTRY_SECRETS_PROVIDER").asText())
        .isEqualTo("kubernetes");
    assertThat(envNames(rendered, CONTROL_PLANE)).doesNotContain("TENANTRY_SECRETS_VAULT_TOKEN");
  }

  @Test
  void serviceMonitorOnScrapesBothComponentsAtQuarkusMetrics() {
    Rendered rendered = TenantryChart.render(Map.of("serviceMonitor.enabled", true));

    assertThat(rendered.ofKind("ServiceMonitor"))
        .hasSize(2)
        .allSatisfy(
            monitor ->
                assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics"));
    assertThat(rendered.has("NetworkPolicy", "tenantry-operator-metrics")).isTrue();
  }

  @Test
  void imageRegistryPrefixesEveryImageTheChartNames() {
    Rendered rendered = TenantryChart.render(Map.of("image.registry", "registry.example.com"));

    assertThat(rendered.ofKind("Deployment"))
        .extracting(d -> d.at("/spec/template/spec/containers/0/image").asText())
        .allMatch(image -> image.startsWith("registry.example.com/tenantry/"));
    assertThat(value(rendered, OPERATOR, "TENANTRY_OPERATOR_APP_IMAGE_REPOSITORY"))
        .isEqualTo("registry.example.com/tenantry/tenant-app");
  }

  @Test
  void extraEnvIsAddedAfterEachServicesOwnVariables() {
    List<String> operatorOwn = envNames(TenantryChart.render(Map.of()), OPERATOR);
    List<String> controlPlaneOwn = envNames(TenantryChart.render(Map.of()), CONTROL_PLANE);

    Rendered rendered =
        TenantryChart.render(
            Map.of(
                "controlPlane.extraEnv[0].name", "GC_CONTAINER_OPTIONS",
                "controlPlane.extraEnv[0].value", "-XX:+UseZGC -XX:+ZGenerational",
                "operator.extraEnv[0].name", "GC_CONTAINER_OPTIONS",
                "operator.extraEnv[0].valueFrom.configMapKeyRef.name", "jvm",
                "operator.extraEnv[0].valueFrom.configMapKeyRef.key", "gc"));

    assertThat(envNames(rendered, CONTROL_PLANE))
        .containsExactlyElementsOf(concat(controlPlaneOwn, "GC_CONTAINER_OPTIONS"));
    assertThat(value(rendered, CONTROL_PLANE, "GC_CONTAINER_OPTIONS"))
        .isEqualTo("-XX:+UseZGC -XX:+ZGenerational");
    assertThat(envNames(rendered, OPERATOR))
        .containsExactlyElementsOf(concat(operatorOwn, "GC_CONTAINER_OPTIONS"));
    assertThat(rendered.env(OPERATOR, "GC_CONTAINER_OPTIONS").at("/valueFrom/configMapKeyRef"))
        .hasToString("{\"key\":\"gc\",\"name\":\"jvm\"}");
  }

  @Test
  void extraEnvCannotReplaceAVariableTheChartSets() {
    // Kubernetes keeps the last of two variables of one name: this one would replace the
    // database password's secretKeyRef without a word.
    assertThatThrownBy(
            () ->
                TenantryChart.render(
                    Map.of(
                        "controlPlane.extraEnv[0].name", "QUARKUS_DATASOURCE_PASSWORD",
                        "controlPlane.extraEnv[0].value", "guessed")))
        .hasMessageContaining("extraEnv: QUARKUS_DATASOURCE_PASSWORD is already set");
  }

  @Test
  void extraEnvCannotNameOneVariableTwice() {
    assertThatThrownBy(
            () ->
                TenantryChart.render(
                    Map.of(
                        "operator.extraEnv[0].name", "GC_CONTAINER_OPTIONS",
                        "operator.extraEnv[0].value", "-XX:+UseSerialGC",
                        "operator.extraEnv[1].name", "GC_CONTAINER_OPTIONS",
                        "operator.extraEnv[1].value", "-XX:+UseZGC")))
        .hasMessageContaining("extraEnv: GC_CONTAINER_OPTIONS is already set");
  }

  private static List<String> concat(List<String> names, String last) {
    List<String> all = new java.util.ArrayList<>(names);
    all.add(last);
    return all;
  }

  private static String value(Rendered rendered, String deployment, String env) {
    return rendered.env(deployment, env).path("value").asText();
  }

  private static List<String> envNames(Rendered rendered, String deployment) {
    List<String> names = new java.util.ArrayList<>();
    rendered
        .get("Deployment", deployment)
        .at("/spec/template/spec/containers/0/env")
        .forEach(env -> names.add(env.path("name").asText()));
    return names;
  }
}
