package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Optional;

/**
 * The Deployment the runner tests hand the runner (the stand-in app's image, every kind of
 * environment source, a projected Secret volume, HTTP probes), and reading its status.
 */
final class TestDeployments {

  static final String IMAGE = "ghcr.io/tenantry/tenant-app:0.1.0";

  private TestDeployments() {}

  static Deployment deployment(String ns, String image, int replicas, String secret, String key) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("app")
        .withNamespace(ns)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", "fake")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "fake")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .endPort()
        .addNewEnv()
        .withName("VERSION")
        .withValue("v1")
        .endEnv()
        .addNewEnv()
        .withName("DB_PASSWORD")
        .withNewValueFrom()
        .withNewSecretKeyRef(key, secret, false)
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("MODE")
        .withNewValueFrom()
        .withNewConfigMapKeyRef("mode", "settings", false)
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("POD_NAMESPACE")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.namespace")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("KEY_DIR")
        .withValue("/var/run/keys")
        .endEnv()
        .addNewEnvFrom()
        .withPrefix("CFG_")
        .withNewConfigMapRef()
        .withName("settings")
        .endConfigMapRef()
        .endEnvFrom()
        .addNewEnvFrom()
        .withNewConfigMapRef()
        .withName("settings")
        .endConfigMapRef()
        .endEnvFrom()
        .addNewVolumeMount()
        .withName("keys")
        .withMountPath("/var/run/keys")
        .endVolumeMount()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/q/health/ready")
        .withNewPort("http")
        .endHttpGet()
        .withPeriodSeconds(1)
        .endReadinessProbe()
        .withNewLivenessProbe()
        .withNewHttpGet()
        .withPath("/q/health/live")
        .withNewPort("http")
        .endHttpGet()
        .endLivenessProbe()
        .endContainer()
        .addNewVolume()
        .withName("keys")
        .withNewSecret()
        .withSecretName(secret)
        .endSecret()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Deployment withStartupProbe(Deployment deployment, int failureThreshold) {
    deployment
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setStartupProbe(
            new ProbeBuilder()
                .withNewHttpGet()
                .withPath("/q/health/started")
                .withNewPort("http")
                .endHttpGet()
                .withPeriodSeconds(1)
                .withFailureThreshold(failureThreshold)
                .build());
    return deployment;
  }

  static Optional<DeploymentCondition> failure(DeploymentStatus status) {
    return status.getConditions().stream()
        .filter(c -> DeploymentStatuses.REPLICA_FAILURE.equals(c.getType()))
        .findFirst();
  }

  static DeploymentCondition condition(DeploymentStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
