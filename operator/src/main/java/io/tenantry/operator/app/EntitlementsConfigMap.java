package io.tenantry.operator.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.tenantry.crds.v1alpha1.Entitlements;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.config.OperatorConfig;
import io.tenantry.operator.naming.TenantNames;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code spec.entitlements} and the platform public key, mounted into the tenant app. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantNames.MANAGED_SELECTOR))
public class EntitlementsConfigMap extends CRUDKubernetesDependentResource<ConfigMap, Tenant> {

  public static final String ENTITLEMENTS = "entitlements.json";
  public static final String PLATFORM_KEY = "platform-public-key.pem";

  // Sorted keys keep the JSON byte-identical between reconciles, so nothing is rewritten.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Inject OperatorConfig config;

  public EntitlementsConfigMap() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(Tenant tenant, Context<Tenant> context) {
    return build(tenant, config.platformPublicKey());
  }

  public static ConfigMap build(Tenant tenant, Optional<String> platformPublicKey) {
    Map<String, String> data = new TreeMap<>();
    data.put(ENTITLEMENTS, json(tenant.getSpec().entitlements));
    platformPublicKey.ifPresent(key -> data.put(PLATFORM_KEY, key));
    return new ConfigMapBuilder()
        .withMetadata(TenantNames.metadata(tenant, TenantNames.ENTITLEMENTS_CONFIG_MAP))
        .withData(data)
        .build();
  }

  static String json(Entitlements entitlements) {
    try {
      return JSON.writeValueAsString(entitlements == null ? new Entitlements() : entitlements);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
