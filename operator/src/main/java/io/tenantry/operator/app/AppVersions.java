package io.tenantry.operator.app;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.TenantSpec;
import io.tenantry.operator.naming.TenantNames;
import java.util.List;
import java.util.Optional;

/**
 * Which tenant-app version a tenant should run and which one its Deployment really runs. Pure: the
 * rollout controller and the tenant status read the same answers.
 */
public final class AppVersions {

  private AppVersions() {}

  /** The pin (spec.appVersion), else what a rollout set (spec.rolloutVersion), else the default. */
  public static String effective(Tenant tenant, String defaultTag) {
    TenantSpec spec = tenant.getSpec();
    if (spec.appVersion != null) {
      return spec.appVersion;
    }
    return spec.rolloutVersion != null ? spec.rolloutVersion : defaultTag;
  }

  /** The version part of an image reference: the digest after '@', else the tag after ':'. */
  public static Optional<String> ofImage(String image) {
    if (image == null) {
      return Optional.empty();
    }
    int at = image.lastIndexOf('@');
    if (at >= 0) {
      return Optional.of(image.substring(at + 1));
    }
    int colon = image.lastIndexOf(':');
    // A colon before the last slash belongs to a registry port, not to a tag.
    return colon > image.lastIndexOf('/')
        ? Optional.of(image.substring(colon + 1))
        : Optional.empty();
  }

  /** The version the Deployment's pod template asks for. */
  public static Optional<String> template(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    return containers.stream()
        .filter(c -> TenantNames.APP.equals(c.getName()))
        .findFirst()
        .flatMap(c -> ofImage(c.getImage()));
  }

  /**
   * The template's version once the Deployment runs it and nothing else: the controller saw this
   * template, every desired replica is updated and available, and no old replica is left.
   */
  public static Optional<String> rolledOut(Deployment deployment) {
    DeploymentStatus status = deployment.getStatus();
    if (status == null) {
      return Optional.empty();
    }
    Long generation = deployment.getMetadata().getGeneration();
    if (generation != null
        && (status.getObservedGeneration() == null
            || status.getObservedGeneration() < generation)) {
      return Optional.empty();
    }
    int desired = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
    int updated = Optional.ofNullable(status.getUpdatedReplicas()).orElse(0);
    int available = Optional.ofNullable(status.getAvailableReplicas()).orElse(0);
    int total = Optional.ofNullable(status.getReplicas()).orElse(0);
    if (desired < 1 || updated < desired || available < desired || total > updated) {
      return Optional.empty();
    }
    return template(deployment);
  }

  /**
   * Why the Deployment cannot bring its template up, as its controller reports it: a {@code
   * ReplicaFailure} (pods cannot be created) or a progress deadline exceeded (pods never became
   * ready: crash loop, image that cannot be pulled, readiness failing from the start).
   */
  public static Optional<String> failure(Deployment deployment) {
    DeploymentStatus status = deployment.getStatus();
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    for (DeploymentCondition c : status.getConditions()) {
      if ("ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus())) {
        return Optional.of(Optional.ofNullable(c.getReason()).orElse("ReplicaFailure"));
      }
      if ("Progressing".equals(c.getType())
          && "False".equals(c.getStatus())
          && "ProgressDeadlineExceeded".equals(c.getReason())) {
        return Optional.of("ProgressDeadlineExceeded");
      }
    }
    return Optional.empty();
  }
}
