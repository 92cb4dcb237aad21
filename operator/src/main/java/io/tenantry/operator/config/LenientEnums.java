package io.tenantry.operator.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Reads an unknown enum value (say {@code spec.plan: platinum} on a server that does not enforce
 * the CRD schema) as null, so the Tenant reaches the validator and fails visibly as InvalidSpec
 * instead of being dropped by the informer as undecodable.
 */
@Singleton
public class LenientEnums implements KubernetesClientObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper objectMapper) {
    objectMapper.enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
  }
}
