package io.tenantry.operator.app;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.config.PlanTier;
import io.tenantry.operator.namespace.Plans;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** The tenant app: one replica (none while suspended) under the restricted pod security profile. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class AppDeployment extends CRUDKubernetesDependentResource<Deployment, Tenant> {

  public static final String SIGNING_DIR = "/var/run/tenantry/signing";
  public static final String ENTITLEMENTS_DIR = "/var/run/tenantry/entitlements";
  public static final long APP_USER = 185;

  /** An {@code appVersion} of this form is an image digest, pulled as {@code repository@digest}. */
  public static final String DIGEST_PREFIX = "sha256:";

  @Inject OperatorConfig config;

  public AppDeployment() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, config);
  }

  public static Deployment build(Tenant tenant, OperatorConfig config) {
    return new DeploymentBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.APP))
        .withNewSpec()
        .withReplicas(tenant.getSpec().isSuspended() ? 0 : 1)
        .withNewSelector()
        .withMatchLabels(TenantNames.appSelector(tenant))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(TenantNames.labels(tenant, TenantNames.APP))
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(TenantNames.APP)
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(podSecurity())
        .withContainers(container(tenant, config))
        .withVolumes(volumes(Plans.tierOf(tenant, config)))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Container container(Tenant tenant, OperatorConfig config) {
    PlanTier tier = Plans.tierOf(tenant, config);
    String version = AppVersions.effective(tenant, config.app().defaultTag());
    boolean digest = version.startsWith(DIGEST_PREFIX);
    return new ContainerBuilder()
        .withName(TenantNames.APP)
        .withImage(config.app().imageRepository() + (digest ? "@" : ":") + version)
        // A digest names one image for good; a tag can be moved, so the node must ask the registry
        // (which also re-checks the pull credentials) instead of trusting what it cached.
        .withImagePullPolicy(digest ? "IfNotPresent" : "Always")
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .withProtocol("TCP")
        .endPort()
        .withEnv(env(tenant, config.database().cloudNativePg()))
        .withVolumeMounts(mounts())
        .withSecurityContext(containerSecurity())
        .withNewResources()
        .withRequests(
            Map.of(
                "cpu", new Quantity(tier.appCpuRequest()),
                "memory", new Quantity(tier.appMemoryRequest()),
                "ephemeral-storage", new Quantity(tier.appEphemeralStorageRequest())))
        .withLimits(
            Map.of(
                "cpu", new Quantity(tier.appCpuLimit()),
                "memory", new Quantity(tier.appMemoryLimit()),
                "ephemeral-storage", new Quantity(tier.appEphemeralStorageLimit())))
        .endResources()
        .withStartupProbe(startupProbe())
        .withLivenessProbe(probe("/q/health/live"))
        .withReadinessProbe(probe("/q/health/ready"))
        .build();
  }

  /**
   * Database credentials come from {@code tenant-db}, or from the secret CNPG creates. The display
   * name is a literal (the staff web app shows it on every page), so renaming a tenant rolls its
   * pod: a rename is rare, and a restart is cheaper than a ConfigMap the app would have to watch.
   */
  static List<EnvVar> env(Tenant tenant, boolean cloudNativePg) {
    String secret = cloudNativePg ? TenantNames.CNPG_APP_SECRET : TenantNames.DB_SECRET;
    String urlKey = cloudNativePg ? "jdbc-uri" : "jdbc-url";
    return List.of(
        new EnvVarBuilder().withName("TENANTRY_TENANT_SLUG").withValue(tenant.slug()).build(),
        new EnvVarBuilder()
            .withName("TENANTRY_TENANT_DISPLAY_NAME")
            .withValue(displayName(tenant))
            .build(),
        fromSecret("QUARKUS_DATASOURCE_JDBC_URL", secret, urlKey),
        fromSecret("QUARKUS_DATASOURCE_USERNAME", secret, "username"),
        fromSecret("QUARKUS_DATASOURCE_PASSWORD", secret, "password"),
        new EnvVarBuilder()
            .withName("TENANTRY_TENANT_SIGNING_KEY_DIR")
            .withValue(SIGNING_DIR)
            .build(),
        new EnvVarBuilder()
            .withName("TENANTRY_TENANT_ENTITLEMENTS_DIR")
            .withValue(ENTITLEMENTS_DIR)
            .build(),
        fromSecret(
            "TENANTRY_TENANT_BOOTSTRAP_ADMIN_EMAIL",
            TenantNames.FIRST_ADMIN_SECRET,
            FirstAdminSecret.EMAIL),
        fromSecret(
            "TENANTRY_TENANT_BOOTSTRAP_ADMIN_PASSWORD",
            TenantNames.FIRST_ADMIN_SECRET,
            FirstAdminSecret.PASSWORD));
  }

  /** The Tenant's displayName; the slug where a hand-applied Tenant left it out. */
  static String displayName(Tenant tenant) {
    String name = tenant.getSpec().displayName;
    return name == null || name.isBlank() ? tenant.slug() : name;
  }

  static PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(APP_USER)
        .withRunAsGroup(APP_USER)
        .withFsGroup(APP_USER)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  static SecurityContext containerSecurity() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withPrivileged(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  private static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  /**
   * Up to 5 minutes for a cold start (Flyway migrations included) before liveness may restart it;
   * liveness and readiness only start counting once this passed.
   */
  private static Probe startupProbe() {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath("/q/health/started")
        .withNewPort("http")
        .endHttpGet()
        .withPeriodSeconds(5)
        .withFailureThreshold(60)
        .build();
  }

  private static Probe probe(String path) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withNewPort("http")
        .endHttpGet()
        .withPeriodSeconds(10)
        .build();
  }

  private static List<VolumeMount> mounts() {
    return List.of(
        new VolumeMountBuilder()
            .withName("signing-key")
            .withMountPath(SIGNING_DIR)
            .withReadOnly(true)
            .build(),
        new VolumeMountBuilder()
            .withName("entitlements")
            .withMountPath(ENTITLEMENTS_DIR)
            .withReadOnly(true)
            .build(),
        // A read-only root file system still needs somewhere for Quarkus' temporary files.
        new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
  }

  private static List<Volume> volumes(PlanTier tier) {
    return List.of(
        new VolumeBuilder()
            .withName("signing-key")
            .withNewSecret()
            .withSecretName(TenantNames.SIGNING_KEY_SECRET)
            .endSecret()
            .build(),
        new VolumeBuilder()
            .withName("entitlements")
            .withNewConfigMap()
            .withName(TenantNames.ENTITLEMENTS_CONFIG_MAP)
            .endConfigMap()
            .build(),
        new VolumeBuilder()
            .withName("tmp")
            .withNewEmptyDir()
            .withSizeLimit(new Quantity(tier.appEphemeralStorageLimit()))
            .endEmptyDir()
            .build());
  }
}
