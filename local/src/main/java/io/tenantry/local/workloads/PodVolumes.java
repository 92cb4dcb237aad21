package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Projects a pod's Secret, ConfigMap and emptyDir volumes into {@code <podDir>/volumes/<name>}, as
 * the kubelet mounts them. Projecting again refreshes the files in place (each file replaced
 * atomically, keys that left the object removed), which is how a changed Secret or ConfigMap
 * reaches a running app. Secret files are readable by their owner only.
 */
final class PodVolumes {

  private PodVolumes() {}

  /** The host folder of each container mount path. */
  static Map<String, Path> project(
      PodSpec pod, List<VolumeMount> mounts, String namespace, Path podDir, ConfigSource source)
      throws PodConfigException {
    Map<String, Path> byMountPath = new LinkedHashMap<>();
    for (VolumeMount mount : mounts) {
      Volume volume =
          pod.getVolumes().stream()
              .filter(v -> v.getName().equals(mount.getName()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new PodConfigException(
                          "FailedMount", "volume " + mount.getName() + " is not declared"));
      Path dir = podDir.resolve("volumes").resolve(volume.getName());
      project(volume, namespace, dir, source);
      byMountPath.put(mount.getMountPath(), dir);
    }
    return byMountPath;
  }

  private static void project(Volume volume, String namespace, Path dir, ConfigSource source)
      throws PodConfigException {
    try {
      if (volume.getSecret() != null) {
        String name = volume.getSecret().getSecretName();
        Optional<Map<String, String>> data = source.secret(namespace, name);
        if (data.isEmpty() && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
          throw mountFailed(volume, "secret \"" + name + "\" not found");
        }
        write(dir, files(data.orElse(Map.of()), volume.getSecret().getItems(), volume), true);
      } else if (volume.getConfigMap() != null) {
        String name = volume.getConfigMap().getName();
        Optional<Map<String, String>> data = source.configMap(namespace, name);
        if (data.isEmpty() && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
          throw mountFailed(volume, "configmap \"" + name + "\" not found");
        }
        write(dir, files(data.orElse(Map.of()), volume.getConfigMap().getItems(), volume), false);
      } else if (volume.getEmptyDir() != null) {
        Files.createDirectories(dir);
      } else {
        throw mountFailed(volume, "only secret, configMap and emptyDir volumes run locally");
      }
    } catch (IOException e) {
      throw mountFailed(volume, e.getMessage());
    }
  }

  /** File name → content: every key, or only the listed items under their paths. */
  private static Map<String, String> files(
      Map<String, String> data, List<KeyToPath> items, Volume volume) throws PodConfigException {
    if (items == null || items.isEmpty()) {
      return data;
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (KeyToPath item : items) {
      String value = data.get(item.getKey());
      if (value == null) {
        throw mountFailed(volume, "couldn't find key " + item.getKey());
      }
      files.put(item.getPath(), value);
    }
    return files;
  }

  private static void write(Path dir, Map<String, String> files, boolean secret)
      throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey()).normalize();
      if (!target.startsWith(dir)) {
        continue; // a key that climbs out of the volume is never written
      }
      byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(target)
          && java.util.Arrays.equals(Files.readAllBytes(target), content)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".projecting", "");
      if (secret) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(temporary, content);
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    removeStale(dir, files.keySet());
  }

  private static void removeStale(Path dir, Set<String> keep) throws IOException {
    Set<Path> wanted = new HashSet<>();
    keep.forEach(name -> wanted.add(dir.resolve(name).normalize()));
    try (Stream<Path> existing = Files.walk(dir)) {
      for (Path path : existing.filter(Files::isRegularFile).toList()) {
        if (!wanted.contains(path)) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static PodConfigException mountFailed(Volume volume, String why) {
    return new PodConfigException(
        "FailedMount", "MountVolume.SetUp failed for volume \"" + volume.getName() + "\": " + why);
  }
}
