package io.tenantry.operator.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import org.junit.jupiter.api.Test;

/** Which version a tenant should run, and when its Deployment really runs it. */
class AppVersionsTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void aPinWinsOverTheRolloutVersionWhichWinsOverTheDefault() {
    Tenant tenant = Tenants.stored("acme", Plan.FREE);
    assertThat(AppVersions.effective(tenant, "0.1.0")).isEqualTo("0.1.0");
    tenant.getSpec().rolloutVersion = "2.0.0";
    assertThat(AppVersions.effective(tenant, "0.1.0")).isEqualTo("2.0.0");
    tenant.getSpec().appVersion = "1.5.0";
    assertThat(AppVersions.effective(tenant, "0.1.0")).isEqualTo("1.5.0");
  }

  @Test
  void theDeploymentRunsTheRolloutVersionImage() {
    Tenant tenant = Tenants.stored("acme", Plan.FREE);
    tenant.getSpec().rolloutVersion = DIGEST;
    Deployment app = AppDeployment.build(tenant, TestConfig.shipped());
    assertThat(app.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .endsWith("@" + DIGEST);
    assertThat(AppVersions.template(app)).contains(DIGEST);
  }

  @Test
  void readsTheVersionOfAnImageReference() {
    assertThat(AppVersions.ofImage("ghcr.io/tenantry/tenant-app:1.2.3")).contains("1.2.3");
    assertThat(AppVersions.ofImage("registry:5000/tenant-app:1.2.3")).contains("1.2.3");
    assertThat(AppVersions.ofImage("registry:5000/tenant-app")).isEmpty();
    assertThat(AppVersions.ofImage("ghcr.io/tenantry/tenant-app@" + DIGEST)).contains(DIGEST);
  }

  @Test
  void aDeploymentIsRolledOutOnlyWhenEveryReplicaRunsTheTemplateAndIsAvailable() {
    Deployment app = deployment();
    assertThat(AppVersions.rolledOut(app)).isEmpty();

    app.setStatus(status(1, 1, 1, 2L));
    assertThat(AppVersions.rolledOut(app)).contains("0.1.0");
  }

  @Test
  void anOldGenerationIsNotRolledOut() {
    Deployment app = deployment();
    app.setStatus(status(1, 1, 1, 1L));
    assertThat(AppVersions.rolledOut(app)).isEmpty();
  }

  @Test
  void anOldReplicaStillRunningIsNotRolledOut() {
    Deployment app = deployment();
    app.setStatus(status(2, 1, 1, 2L));
    assertThat(AppVersions.rolledOut(app)).isEmpty();
  }

  @Test
  void anUnavailableNewReplicaIsNotRolledOut() {
    Deployment app = deployment();
    app.setStatus(status(1, 1, 0, 2L));
    assertThat(AppVersions.rolledOut(app)).isEmpty();
  }

  @Test
  void aProgressDeadlineExceededIsAFailure() {
    Deployment app = deployment();
    app.setStatus(
        new DeploymentStatusBuilder()
            .addNewCondition()
            .withType("Progressing")
            .withStatus("False")
            .withReason("ProgressDeadlineExceeded")
            .endCondition()
            .build());
    assertThat(AppVersions.failure(app)).contains("ProgressDeadlineExceeded");
  }

  private static Deployment deployment() {
    Deployment app = AppDeployment.build(Tenants.stored("acme", Plan.FREE), TestConfig.shipped());
    app.getMetadata().setGeneration(2L);
    return app;
  }

  private static io.fabric8.kubernetes.api.model.apps.DeploymentStatus status(
      int total, int updated, int available, long observed) {
    return new DeploymentStatusBuilder()
        .withReplicas(total)
        .withUpdatedReplicas(updated)
        .withAvailableReplicas(available)
        .withObservedGeneration(observed)
        .build();
  }
}
