package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP GET probes as declared on the container, sent to the pod's local port. A probe passes on a
 * 2xx or 3xx answer, as the kubelet's does. Timeouts are at least two seconds: on a shared machine
 * a JVM under load answers late without being unhealthy.
 */
final class Probes {

  private static final Duration MIN_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http;

  Probes(HttpClient http) {
    this.http = http;
  }

  /** The probe's outcome: true when it passes. A container without the probe always passes. */
  CompletableFuture<Boolean> check(Optional<Probe> probe, int port) {
    if (probe.isEmpty() || probe.get().getHttpGet() == null) {
      return CompletableFuture.completedFuture(true);
    }
    HTTPGetAction get = probe.get().getHttpGet();
    String path = get.getPath() == null ? "/" : get.getPath();
    Duration timeout = timeout(probe.get());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(timeout)
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(response -> response.statusCode() >= 200 && response.statusCode() < 400)
        .exceptionally(failure -> false);
  }

  static Optional<Probe> readiness(Container container) {
    return Optional.ofNullable(container.getReadinessProbe());
  }

  static Optional<Probe> startup(Container container) {
    return Optional.ofNullable(container.getStartupProbe());
  }

  /**
   * How long a startup probe may keep failing before the container is killed: initial delay plus
   * period times failure threshold, the kubelet's budget.
   */
  static Duration startupBudget(Probe probe) {
    int delay = probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds();
    return Duration.ofSeconds(delay)
        .plus(period(Optional.of(probe)).multipliedBy(failureThreshold(Optional.of(probe))));
  }

  static Optional<Probe> liveness(Container container) {
    return Optional.ofNullable(container.getLivenessProbe());
  }

  static Duration period(Optional<Probe> probe) {
    return Duration.ofSeconds(
        probe.map(Probe::getPeriodSeconds).filter(s -> s != null && s > 0).orElse(10));
  }

  static int failureThreshold(Optional<Probe> probe) {
    return probe.map(Probe::getFailureThreshold).filter(t -> t != null && t > 0).orElse(3);
  }

  private static Duration timeout(Probe probe) {
    Duration declared =
        Duration.ofSeconds(probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds());
    return declared.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : declared;
  }
}
