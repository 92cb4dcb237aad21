package io.tenantry.operator.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.app.AppDeployment;
import io.tenantry.operator.app.ServiceAccountDependent;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.namespace.NamespaceDependent;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What runs in a tenant namespace may not escalate, and carries no API credentials. */
class PodSecuritySpecTest {

  private final OperatorConfig config = TestConfig.shipped();
  private final Tenant tenant = Tenants.stored("acme", Plan.STARTER);

  @Test
  void namespaceEnforcesAuditsAndWarnsOnTheRestrictedPodSecurityProfile() {
    assertThat(NamespaceDependent.build(tenant).getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("pod-security.kubernetes.io/audit", "restricted")
        .containsEntry("pod-security.kubernetes.io/warn", "restricted")
        .containsEntry("tenantry.io/tenant", "acme")
        .containsEntry("app.kubernetes.io/managed-by", "tenantry-operator");
  }

  @Test
  void appContainerRunsRestricted() {
    PodSpec pod = AppDeployment.build(tenant, config).getSpec().getTemplate().getSpec();
    SecurityContext container = pod.getContainers().get(0).getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getPrivileged()).isFalse();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void appRunsAsItsServiceAccountWithoutAnApiToken() {
    PodSpec pod = AppDeployment.build(tenant, config).getSpec().getTemplate().getSpec();

    assertThat(pod.getServiceAccountName()).isEqualTo("tenant-app");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(ServiceAccountDependent.build(tenant).getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void appIsSizedByThePlanAndProbedOnTheQuarkusHealthEndpoints() {
    Container app =
        AppDeployment.build(tenant, config)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(app.getResources().getRequests().get("cpu").toString()).isEqualTo("250m");
    assertThat(app.getResources().getLimits().get("memory").toString()).isEqualTo("768Mi");
    assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(app.getImage()).isEqualTo("ghcr.io/tenantry/tenant-app:0.1.0");
  }

  @Test
  void appHasEphemeralStorageRequestsAndLimitsAndEveryEmptyDirASizeLimit() {
    PodSpec pod = AppDeployment.build(tenant, config).getSpec().getTemplate().getSpec();
    Container app = pod.getContainers().get(0);

    assertThat(app.getResources().getRequests().get("ephemeral-storage").toString())
        .isEqualTo("64Mi");
    assertThat(app.getResources().getLimits().get("ephemeral-storage").toString())
        .isEqualTo("512Mi");
    assertThat(pod.getVolumes())
        .filteredOn(volume -> volume.getEmptyDir() != null)
        .isNotEmpty()
        .allSatisfy(
            volume ->
                assertThat(volume.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("512Mi")));
  }

  @Test
  void appHasAStartupProbeSoSlowStartsAreNotKilledByLiveness() {
    Container app =
        AppDeployment.build(tenant, config)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(app.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
    assertThat(
            app.getStartupProbe().getFailureThreshold() * app.getStartupProbe().getPeriodSeconds())
        .isGreaterThanOrEqualTo(120);
  }

  @Test
  void aTaggedImageIsPulledAtEveryStart() {
    Container app =
        AppDeployment.build(tenant, config)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(app.getImage()).isEqualTo("ghcr.io/tenantry/tenant-app:0.1.0");
    assertThat(app.getImagePullPolicy()).isEqualTo("Always");
  }

  @Test
  void aDigestPinsTheImage() {
    Tenant pinned = Tenants.stored("acme", Plan.STARTER);
    String digest = "sha256:" + "a1".repeat(32);
    pinned.getSpec().appVersion = digest;

    Container app =
        AppDeployment.build(pinned, config)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(app.getImage()).isEqualTo("ghcr.io/tenantry/tenant-app@" + digest);
    assertThat(app.getImagePullPolicy()).isEqualTo("IfNotPresent");
  }

  @Test
  void appVersionPinsTheImageTag() {
    Tenant pinned = Tenants.stored("acme", Plan.STARTER);
    pinned.getSpec().appVersion = "1.4.2";

    Container app =
        AppDeployment.build(pinned, config)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(app.getImage()).isEqualTo("ghcr.io/tenantry/tenant-app:1.4.2");
  }

  @Test
  void appGetsItsDatabaseCredentialsFromSecretsNeverAsLiterals() {
    Container app =
        AppDeployment.build(tenant, config)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    Map<String, EnvVar> env =
        app.getEnv().stream().collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e));

    assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").getValue()).isNull();
    assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("tenant-db");
    assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("jdbc-url");
    assertThat(env.get("TENANTRY_TENANT_SLUG").getValue()).isEqualTo("acme");
    assertThat(env.get("TENANTRY_TENANT_SIGNING_KEY_DIR").getValue())
        .isEqualTo("/var/run/tenantry/signing");
    assertThat(env.get("TENANTRY_TENANT_ENTITLEMENTS_DIR").getValue())
        .isEqualTo("/var/run/tenantry/entitlements");
    assertThat(env.get("TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD").getValue()).isNull();
    assertThat(env.get("TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD").getValueFrom().getSecretKeyRef())
        .satisfies(
            ref -> {
              assertThat(ref.getName()).isEqualTo("tenant-admin");
              assertThat(ref.getKey()).isEqualTo("password");
            });
    assertThat(
            env.get("TENANTRY_TENANT_BOOTSTRAP_ADMIN_EMAIL")
                .getValueFrom()
                .getSecretKeyRef()
                .getKey())
        .isEqualTo("email");
  }

  @Test
  void appGetsTheTenantsDisplayNameVerbatimForItsPages() {
    Tenant named = Tenants.stored("acme", Plan.STARTER);
    named.getSpec().displayName = "Acme <Fibre> & Co";

    Map<String, EnvVar> env = envOf(AppDeployment.build(named, config));

    assertThat(env.get("TENANTRY_TENANT_DISPLAY_NAME").getValue()).isEqualTo("Acme <Fibre> & Co");
  }

  @Test
  void renamingATenantChangesThePodTemplateSoThePodRolls() {
    Tenant renamed = Tenants.stored("acme", Plan.STARTER);
    renamed.getSpec().displayName = "Acme Broadband";

    assertThat(AppDeployment.build(renamed, config).getSpec().getTemplate())
        .isNotEqualTo(AppDeployment.build(tenant, config).getSpec().getTemplate());
    assertThat(envOf(AppDeployment.build(renamed, config)).get("TENANTRY_TENANT_DISPLAY_NAME"))
        .extracting(EnvVar::getValue)
        .isEqualTo("Acme Broadband");
  }

  private static Map<String, EnvVar> envOf(Deployment app) {
    return app.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e));
  }

  @Test
  void cloudNativePgModeWiresTheAppToTheSecretCnpgCreates() {
    OperatorConfig cnpg =
        TestConfig.with(Map.of("tenantry.operator.database.mode", "cloudnative-pg"));
    Container app =
        AppDeployment.build(tenant, cnpg).getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(app.getEnv())
        .filteredOn(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("tenant-db-app");
              assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("jdbc-uri");
            });
  }

  @Test
  void suspendedTenantRunsNoReplicas() {
    Tenant suspended = Tenants.stored("acme", Plan.STARTER);
    suspended.getSpec().suspended = true;

    Deployment deployment = AppDeployment.build(suspended, config);

    assertThat(deployment.getSpec().getReplicas()).isZero();
    assertThat(AppDeployment.build(tenant, config).getSpec().getReplicas()).isEqualTo(1);
  }
}
