package io.tenantry.local.workloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What the kubelet does with one pod on each pass: start, notice a crash, probe, back off. */
final class PodLifecycle {

  /** How soon a pod that could not start (missing Secret, unknown image) is tried again. */
  static final Duration RETRY_WAITING = Duration.ofSeconds(5);

  /** Before the first ready answer the runner looks every second, so a tenant is Ready at once. */
  static final Duration FIRST_READINESS_PERIOD = Duration.ofSeconds(1);

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private PodLifecycle() {}

  /**
   * A hash of the pod template's content: keys sorted, so that an update that only reorders them (a
   * merge patch does) does not count as a new template and restart the app.
   */
  static String templateHash(Deployment deployment) {
    try {
      Object content =
          Serialization.jsonMapper().convertValue(deployment.getSpec().getTemplate(), Object.class);
      byte[] template = CANONICAL.writeValueAsBytes(content);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(template);
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static LocalPod newPod(Deployment deployment, String hash, RunnerSettings settings) {
    String namespace = deployment.getMetadata().getNamespace();
    Map<String, String> labels = deployment.getMetadata().getLabels();
    String slug =
        labels != null && labels.containsKey("tenantry.io/tenant")
            ? labels.get("tenantry.io/tenant")
            : namespace + "-" + deployment.getMetadata().getName();
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    return new LocalPod(
        namespace,
        deployment.getMetadata().getName(),
        hash,
        podLabels == null ? Map.of() : podLabels,
        settings.pods(),
        settings.logs().resolve(slug + ".log"));
  }

  /** Notices an exit (and schedules the restart), or starts the process when it is due. */
  static void step(
      LocalPod pod,
      Deployment deployment,
      PodStarter starter,
      RunnerSettings settings,
      Instant now) {
    if (pod.process != null && !pod.process.isAlive()) {
      int exit = pod.process.exitValue();
      pod.process = null;
      crashed(pod, "exit code " + exit, settings, now);
    }
    if (pod.process != null || now.isBefore(pod.nextStart)) {
      return;
    }
    try {
      starter.start(pod, deployment.getSpec().getTemplate().getSpec());
      pod.waitingReason = null;
      pod.waitingMessage = null;
      pod.readinessFailures = 0;
      pod.livenessFailures = 0;
      pod.everReady = false;
      pod.nextReadinessProbe = now;
      Optional<Probe> startup =
          Probes.startup(deployment.getSpec().getTemplate().getSpec().getContainers().get(0));
      pod.started = startup.isEmpty();
      pod.nextStartupProbe = now;
      pod.startupDeadline = startup.map(p -> now.plus(Probes.startupBudget(p))).orElse(now);
    } catch (PodConfigException e) {
      if (!e.getMessage().equals(pod.waitingMessage)) {
        pod.note(e.reason() + ": " + e.getMessage());
      }
      pod.waiting(e.reason(), e.getMessage());
      pod.nextStart = now.plus(RETRY_WAITING);
    } catch (IOException | RuntimeException e) {
      pod.note("RunContainerError: " + e.getMessage());
      pod.waiting("RunContainerError", String.valueOf(e.getMessage()));
      pod.nextStart = now.plus(RETRY_WAITING);
    }
  }

  static void crashed(LocalPod pod, String why, RunnerSettings settings, Instant now) {
    pod.restarts++;
    pod.consecutiveCrashes++;
    Duration backOff = settings.backOff(pod.consecutiveCrashes);
    String message =
        "back-off "
            + backOff.toSeconds()
            + "s restarting failed container ("
            + why
            + "); restarts: "
            + pod.restarts;
    pod.note(message);
    pod.waiting("CrashLoopBackOff", message);
    pod.nextStart = now.plus(backOff);
  }

  /** Sends the probes that are due; their outcome is handed to {@code post} (the pod's thread). */
  static void probe(
      LocalPod pod, Deployment deployment, Probes probes, Instant now, Consumer<Runnable> post) {
    if (!pod.running()) {
      return;
    }
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    int incarnation = pod.incarnation;
    // As the kubelet: readiness and liveness wait until the startup probe has passed once.
    if (!pod.started) {
      startupProbe(pod, Probes.startup(container).orElseThrow(), probes, now, post);
      return;
    }
    Optional<Probe> readiness = Probes.readiness(container);
    if (!now.isBefore(pod.nextReadinessProbe)) {
      Duration period = pod.everReady ? Probes.period(readiness) : FIRST_READINESS_PERIOD;
      pod.nextReadinessProbe = now.plus(period);
      probes
          .check(readiness, pod.port)
          .thenAccept(ok -> post.accept(() -> readiness(pod, incarnation, ok, readiness)));
    }
    Optional<Probe> liveness = Probes.liveness(container);
    // Liveness counts from the first ready answer: a JVM starting on a busy machine is not dead.
    if (pod.everReady && !now.isBefore(pod.nextLivenessProbe)) {
      pod.nextLivenessProbe = now.plus(Probes.period(liveness));
      probes
          .check(liveness, pod.port)
          .thenAccept(ok -> post.accept(() -> liveness(pod, incarnation, ok, liveness)));
    }
  }

  /**
   * Probes startup every second rather than every declared period, so a tenant is Ready as soon as
   * it started; the kubelet's budget is kept (initial delay plus period times failure threshold),
   * after which the process is killed and restarted with back-off.
   */
  private static void startupProbe(
      LocalPod pod, Probe startup, Probes probes, Instant now, Consumer<Runnable> post) {
    if (now.isBefore(pod.nextStartupProbe)) {
      return;
    }
    pod.nextStartupProbe = now.plus(FIRST_READINESS_PERIOD);
    int incarnation = pod.incarnation;
    probes
        .check(Optional.of(startup), pod.port)
        .thenAccept(ok -> post.accept(() -> started(pod, incarnation, ok)));
  }

  private static void started(LocalPod pod, int incarnation, boolean ok) {
    if (pod.incarnation != incarnation || !pod.running() || pod.started) {
      return;
    }
    Instant now = Instant.now();
    if (ok) {
      pod.note("started");
      pod.started = true;
      pod.nextReadinessProbe = now;
    } else if (!now.isBefore(pod.startupDeadline)) {
      pod.note("startup probe failed until its deadline: killing the process");
      pod.process.destroyForcibly();
    }
  }

  private static void readiness(LocalPod pod, int incarnation, boolean ok, Optional<Probe> probe) {
    if (pod.incarnation != incarnation || !pod.running()) {
      return;
    }
    if (ok) {
      if (!pod.everReady) {
        pod.note("ready");
      }
      pod.ready = true;
      pod.everReady = true;
      pod.consecutiveCrashes = 0;
      pod.readinessFailures = 0;
    } else if (++pod.readinessFailures >= Probes.failureThreshold(probe)) {
      pod.ready = false;
    }
  }

  private static void liveness(LocalPod pod, int incarnation, boolean ok, Optional<Probe> probe) {
    if (pod.incarnation != incarnation || !pod.running()) {
      return;
    }
    if (ok) {
      pod.livenessFailures = 0;
    } else if (++pod.livenessFailures >= Probes.failureThreshold(probe)) {
      pod.note("liveness probe failed " + pod.livenessFailures + " times: killing the process");
      // Killed without waiting for the grace period: the next pass sees the exit and backs off.
      pod.process.destroyForcibly();
    }
  }

  static void refreshVolumes(LocalPod pod, Deployment deployment, PodStarter starter) {
    if (!pod.templateHash.equals(templateHash(deployment))) {
      return;
    }
    try {
      starter.refreshVolumes(pod, deployment.getSpec().getTemplate().getSpec());
    } catch (PodConfigException e) {
      pod.note("volumes not refreshed: " + e.getMessage());
    }
  }
}
