package io.tenantry.controlplane.licensing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.StartupEvent;
import io.tenantry.controlplane.secrets.PlatformKeys;
import io.tenantry.controlplane.secrets.SecretsConfig;
import io.tenantry.controlplane.tenants.TenantPush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Publishes the public keys verifiers must trust, current first, as ConfigMap {@value #NAME} (key
 * {@value #KEY}); the operator projects it into every tenant as {@code platform-public-key.pem}.
 * When the bundle changes (a rotated key), every tenant's entitlements are signed again with the
 * current key, so by the time the retired key leaves the bundle nothing depends on it.
 */
@ApplicationScoped
public class PublicKeyBundle {

  public static final String NAME = "tenantry-platform-public-keys";
  public static final String KEY = "platform-public-keys.pem";
  private static final Logger LOG = Logger.getLogger(PublicKeyBundle.class);

  private final KubernetesClient client;
  private final PlatformKeys keys;
  private final SecretsConfig secrets;
  private final TenantPush push;

  PublicKeyBundle(
      KubernetesClient client, PlatformKeys keys, SecretsConfig secrets, TenantPush push) {
    this.client = client;
    this.keys = keys;
    this.secrets = secrets;
    this.push = push;
  }

  void publishAtStart(@Observes StartupEvent event) {
    publish();
  }

  /** Brings the ConfigMap in line with the keys; re-signs every tenant when it changed. */
  @Transactional
  public void publish() {
    String namespace = secrets.kubernetes().namespace();
    String bundle = keys.publicKeyBundle();
    ConfigMap published = client.configMaps().inNamespace(namespace).withName(NAME).get();
    if (published != null
        && published.getData() != null
        && bundle.equals(published.getData().get(KEY))) {
      return;
    }
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(namespace)
                .addToLabels("app.kubernetes.io/part-of", "tenantry")
                .addToLabels("app.kubernetes.io/managed-by", "tenantry-control-plane")
                .endMetadata()
                .withData(Map.of(KEY, bundle))
                .build())
        .createOr(existing -> existing.update());
    int tenants = push.requestAll();
    LOG.infof(
        "published the platform public keys as %s/%s; re-signing the entitlements of %d tenants",
        namespace, NAME, tenants);
  }
}
