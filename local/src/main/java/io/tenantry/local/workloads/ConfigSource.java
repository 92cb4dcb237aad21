package io.tenantry.local.workloads;

import java.util.Map;
import java.util.Optional;

/** Reads Secrets and ConfigMaps of a namespace as the kubelet would: data decoded to text. */
interface ConfigSource {

  /** The Secret's data, base64-decoded; empty when there is no such Secret. */
  Optional<Map<String, String>> secret(String namespace, String name);

  /** The ConfigMap's data; empty when there is no such ConfigMap. */
  Optional<Map<String, String>> configMap(String namespace, String name);
}
