package io.tenantry.controlplane.secrets;

import java.util.Map;
import java.util.Optional;

/** A place that keeps named groups of secret values: Kubernetes Secrets or Vault KV v2. */
public interface SecretStore {

  /** The values stored under {@code name}, or empty when nothing is stored there. */
  Optional<Map<String, String>> read(String name);

  /** Stores {@code values} under {@code name}, replacing what was there. */
  void write(String name, Map<String, String> values);

  /**
   * Stores {@code values} under {@code name} only if nothing is stored there yet, atomically in the
   * store itself, so that of two replicas racing on an empty store exactly one wins.
   *
   * @return true when these values were stored, false when {@code name} already existed
   */
  boolean createIfAbsent(String name, Map<String, String> values);
}
