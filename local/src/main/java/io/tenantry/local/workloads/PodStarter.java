package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a pod's first container as a local process: the image resolved to a local app, its JVM
 * options, the container's environment and volumes, on a free loopback port. Paths under a mount
 * point (in environment values too) are rewritten to the projected folder, since the process sees
 * the host's file system rather than the container's.
 */
final class PodStarter {

  private final Images images;
  private final ConfigSource source;
  private final Map<String, String> extraEnvironment;
  private final String java;

  PodStarter(Images images, ConfigSource source, Map<String, String> extraEnvironment) {
    this.images = images;
    this.source = source;
    this.extraEnvironment = Map.copyOf(extraEnvironment);
    this.java = ProcessHandle.current().info().command().orElse("java");
  }

  void start(LocalPod pod, PodSpec spec) throws PodConfigException, IOException {
    Container container = spec.getContainers().get(0);
    LocalApp app =
        images
            .resolve(container.getImage())
            .orElseThrow(
                () ->
                    new PodConfigException(
                        "ErrImagePull",
                        "failed to pull image \""
                            + container.getImage()
                            + "\": not built on this machine (the local run has only its own apps)"));
    Map<String, String> env = PodEnvironment.resolve(container, pod.namespace, pod.name, source);
    pod.mounts =
        PodVolumes.project(spec, container.getVolumeMounts(), pod.namespace, pod.dir, source);
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(command(app, pod)).directory(app.workingDirectory().toFile());
    builder.environment().clear();
    copy(builder.environment(), "PATH", "LANG", "HOME", "TZ");
    builder.environment().putAll(app.environment());
    env.forEach((key, value) -> builder.environment().put(key, rewrite(value, pod.mounts)));
    builder.environment().putAll(extraEnvironment);
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    Files.createDirectories(pod.log.getParent());
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(pod.log.toFile()));
    pod.note("starting " + container.getImage() + " on 127.0.0.1:" + port);
    pod.process = builder.start();
    pod.port = port;
    pod.incarnation++;
  }

  /** Projects the volumes again: a changed Secret or ConfigMap reaches the running app. */
  void refreshVolumes(LocalPod pod, PodSpec spec) throws PodConfigException {
    Container container = spec.getContainers().get(0);
    PodVolumes.project(spec, container.getVolumeMounts(), pod.namespace, pod.dir, source);
  }

  private List<String> command(LocalApp app, LocalPod pod) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java);
    // The image's options are for its own JDK; one this JDK does not know is skipped, not fatal.
    command.add("-XX:+IgnoreUnrecognizedVMOptions");
    command.addAll(app.jvmArguments());
    Path tmp = pod.mounts.getOrDefault("/tmp", pod.dir.resolve("tmp"));
    Files.createDirectories(tmp);
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-jar");
    // as the image runs it, from the jar's own folder: the AOT cache was trained that way
    command.add(app.jar().getFileName().toString());
    return command;
  }

  /** {@code value} with a leading container mount path replaced by its host folder. */
  static String rewrite(String value, Map<String, Path> mounts) {
    for (Map.Entry<String, Path> mount : mounts.entrySet()) {
      String mountPath = mount.getKey();
      if (value.equals(mountPath) || value.startsWith(mountPath + "/")) {
        return mount.getValue() + value.substring(mountPath.length());
      }
    }
    return value;
  }

  private static void copy(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
