package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A container's environment as the kubelet builds it: {@code envFrom} first, then {@code env} in
 * order (later wins); {@code secretKeyRef}, {@code configMapKeyRef} and the pod's own name and
 * namespace resolved. A missing, non-optional source fails with {@code CreateContainerConfigError}
 * naming it, and the container does not start.
 */
final class PodEnvironment {

  private PodEnvironment() {}

  static Map<String, String> resolve(
      Container container, String namespace, String podName, ConfigSource source)
      throws PodConfigException {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : container.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      Map<String, String> data = envFrom(from, namespace, source);
      data.forEach((key, value) -> env.put(prefix + key, value));
    }
    for (EnvVar variable : container.getEnv()) {
      String value = value(variable, namespace, podName, source);
      if (value != null) {
        env.put(variable.getName(), value);
      }
    }
    return env;
  }

  private static Map<String, String> envFrom(
      EnvFromSource from, String namespace, ConfigSource source) throws PodConfigException {
    if (from.getSecretRef() != null) {
      String name = from.getSecretRef().getName();
      Optional<Map<String, String>> data = source.secret(namespace, name);
      if (data.isEmpty() && !Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
        throw missing("secret", name);
      }
      return data.orElse(Map.of());
    }
    if (from.getConfigMapRef() != null) {
      String name = from.getConfigMapRef().getName();
      Optional<Map<String, String>> data = source.configMap(namespace, name);
      if (data.isEmpty() && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
        throw missing("configmap", name);
      }
      return data.orElse(Map.of());
    }
    return Map.of();
  }

  /** The variable's value, or null when an optional source lacks it (the variable is unset). */
  private static String value(EnvVar variable, String namespace, String pod, ConfigSource source)
      throws PodConfigException {
    EnvVarSource from = variable.getValueFrom();
    if (from == null) {
      return variable.getValue() == null ? "" : variable.getValue();
    }
    if (from.getSecretKeyRef() != null) {
      SecretKeySelector ref = from.getSecretKeyRef();
      return key(
          source.secret(namespace, ref.getName()),
          "secret",
          ref.getName(),
          ref.getKey(),
          Boolean.TRUE.equals(ref.getOptional()),
          namespace);
    }
    if (from.getConfigMapKeyRef() != null) {
      ConfigMapKeySelector ref = from.getConfigMapKeyRef();
      return key(
          source.configMap(namespace, ref.getName()),
          "configmap",
          ref.getName(),
          ref.getKey(),
          Boolean.TRUE.equals(ref.getOptional()),
          namespace);
    }
    if (from.getFieldRef() != null) {
      return field(from.getFieldRef(), namespace, pod);
    }
    throw new PodConfigException(
        "CreateContainerConfigError",
        "env "
            + variable.getName()
            + ": only secretKeyRef, configMapKeyRef and fieldRef run locally");
  }

  private static String key(
      Optional<Map<String, String>> data,
      String kind,
      String name,
      String key,
      boolean optional,
      String namespace)
      throws PodConfigException {
    if (data.isEmpty()) {
      if (optional) {
        return null;
      }
      throw missing(kind, name);
    }
    String value = data.get().get(key);
    if (value == null && !optional) {
      throw new PodConfigException(
          "CreateContainerConfigError",
          "couldn't find key " + key + " in " + display(kind) + " " + namespace + "/" + name);
    }
    return value;
  }

  private static String field(ObjectFieldSelector field, String namespace, String pod)
      throws PodConfigException {
    return switch (field.getFieldPath()) {
      case "metadata.name" -> pod;
      case "metadata.namespace" -> namespace;
      case "status.podIP", "status.hostIP" -> "127.0.0.1";
      default ->
          throw new PodConfigException(
              "CreateContainerConfigError",
              "fieldRef " + field.getFieldPath() + " is not available in a local run");
    };
  }

  private static PodConfigException missing(String kind, String name) {
    return new PodConfigException(
        "CreateContainerConfigError", kind + " \"" + name + "\" not found");
  }

  private static String display(String kind) {
    return kind.equals("secret") ? "Secret" : "ConfigMap";
  }
}
