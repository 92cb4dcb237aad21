package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local kubelet and Deployment controller in one, for the embedded API server only: runs every
 * Deployment's replica as a local process ({@link PodStarter}), keeps it as declared (restarts on a
 * template change, a crash with back-off, a failing liveness probe; stops on replicas 0 or when the
 * Deployment or its namespace goes), projects changed Secrets and ConfigMaps into its volumes, and
 * writes the Deployment's status back. Everything that changes pods runs on one thread; status
 * writes leave it ({@link StatusWriter}), so that a slow API server never delays a launch.
 */
public final class WorkloadRunner implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WorkloadRunner.class.getName());
  private static final Duration TICK = Duration.ofMillis(500);

  private final KubernetesClient client;
  private final RunnerSettings settings;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tenantry-local-runner"));
  private final Map<String, LocalPod> pods = new HashMap<>();

  /** Ready pods' ports by namespace, for the ingress (read from other threads). */
  private final Map<String, List<Endpoint>> endpoints = new ConcurrentHashMap<>();

  private final PodStarter starter;
  private final Probes probes;
  private final StatusWriter statuses;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  /** Set on the runner's thread when closing. */
  private boolean closed;

  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<Deployment> deployments;

  /** A ready replica: its pod labels and local port. */
  public record Endpoint(Map<String, String> labels, int port) {}

  public WorkloadRunner(KubernetesClient client, RunnerSettings settings) {
    this.client = client;
    this.settings = settings;
    InformerConfigSource source = new InformerConfigSource();
    this.starter = new PodStarter(settings.images(), source, settings.extraEnvironment());
    this.probes = new Probes(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    this.statuses = new StatusWriter(client);
    source.secrets =
        inform(client.secrets().inAnyNamespace().inform(onChange(this::configChanged)));
    source.configMaps =
        inform(client.configMaps().inAnyNamespace().inform(onChange(this::configChanged)));
    namespaces = inform(client.namespaces().inform(onChange(this::namespaceChanged)));
    deployments =
        inform(
            client.apps().deployments().inAnyNamespace().inform(onChange(this::deploymentChanged)));
    thread.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Ports of the ready replicas in {@code namespace} whose labels include {@code selector}. */
  public List<Integer> readyPorts(String namespace, Map<String, String> selector) {
    return endpoints.getOrDefault(namespace, List.of()).stream()
        .filter(endpoint -> endpoint.labels().entrySet().containsAll(selector.entrySet()))
        .map(Endpoint::port)
        .toList();
  }

  private <T> SharedIndexInformer<T> inform(SharedIndexInformer<T> informer) {
    informers.add(informer);
    return informer;
  }

  private <T> ResourceEventHandler<T> onChange(Consumer<T> handler) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        thread.execute(() -> handler.accept(object));
      }

      @Override
      public void onUpdate(T old, T object) {
        thread.execute(() -> handler.accept(object));
      }

      @Override
      public void onDelete(T object, boolean unknownFinalState) {
        thread.execute(() -> handler.accept(object));
      }
    };
  }

  private void deploymentChanged(Deployment deployment) {
    sync(Cache.metaNamespaceKeyFunc(deployment));
  }

  /** A changed Secret or ConfigMap: re-project volumes, and retry pods that waited for it. */
  private void configChanged(Object object) {
    String namespace =
        object instanceof Secret secret
            ? secret.getMetadata().getNamespace()
            : ((ConfigMap) object).getMetadata().getNamespace();
    for (LocalPod pod : List.copyOf(pods.values())) {
      if (!pod.namespace.equals(namespace)) {
        continue;
      }
      if (pod.running()) {
        deployment(pod).ifPresent(d -> PodLifecycle.refreshVolumes(pod, d, starter));
      } else {
        pod.nextStart = Instant.EPOCH;
      }
    }
  }

  private Optional<Deployment> deployment(LocalPod pod) {
    return Optional.ofNullable(
        deployments.getStore().getByKey(pod.namespace + "/" + pod.deployment));
  }

  /** Brings the pod of one Deployment in line with its spec (or removes it). */
  private void sync(String key) {
    if (closed) {
      return;
    }
    Deployment deployment = deployments.getStore().getByKey(key);
    LocalPod pod = pods.get(key);
    boolean wanted =
        deployment != null
            && deployment.getMetadata().getDeletionTimestamp() == null
            && namespaceExists(deployment.getMetadata().getNamespace())
            && Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1) > 0;
    if (!wanted) {
      if (pod != null) {
        pod.note("stopping: " + (deployment == null ? "deployment deleted" : "no replica wanted"));
        pod.remove();
        pods.remove(key);
        publish(pod.namespace);
      }
      if (deployment != null) {
        writeStatus(deployment, null);
      } else {
        int slash = key.indexOf('/');
        statuses.forget(key.substring(0, slash), key.substring(slash + 1));
      }
      return;
    }
    String hash = PodLifecycle.templateHash(deployment);
    if (pod != null && !pod.templateHash.equals(hash)) {
      pod.note("pod template changed: replacing the pod");
      pod.remove();
      pod = null;
    }
    if (pod == null) {
      pod = PodLifecycle.newPod(deployment, hash, settings);
      pods.put(key, pod);
    }
    step(deployment, pod);
  }

  private boolean namespaceExists(String namespace) {
    Namespace found = namespaces.getStore().getByKey(namespace);
    return found != null && found.getMetadata().getDeletionTimestamp() == null;
  }

  /** A namespace that goes takes its pods with it, whatever happens to its Deployments. */
  private void namespaceChanged(Namespace namespace) {
    String prefix = namespace.getMetadata().getName() + "/";
    pods.keySet().stream().filter(key -> key.startsWith(prefix)).toList().forEach(this::sync);
  }

  private void tick() {
    if (closed) {
      return;
    }
    try {
      for (String key : List.copyOf(pods.keySet())) {
        LocalPod pod = pods.get(key);
        Deployment deployment = deployments.getStore().getByKey(key);
        if (deployment == null) {
          sync(key);
        } else if (pod != null) {
          step(deployment, pod);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "local workload runner: " + e.getMessage(), e);
    }
  }

  /** One kubelet pass over a wanted pod: start, notice exits, probe, write status. */
  private void step(Deployment deployment, LocalPod pod) {
    Instant now = Instant.now();
    PodLifecycle.step(pod, deployment, starter, settings, now);
    PodLifecycle.probe(
        pod, deployment, probes, now, result -> thread.execute(() -> afterProbe(result, pod)));
    publish(pod.namespace);
    writeStatus(deployment, pod);
  }

  /**
   * A probe's outcome acts at once, as the kubelet's status manager does: a passed startup probe
   * sends the first readiness probe now, and a readiness change reaches the ingress and the
   * Deployment's status now, rather than on the next pass up to half a second later.
   */
  private void afterProbe(Runnable result, LocalPod pod) {
    result.run();
    String key = pod.namespace + "/" + pod.deployment;
    Deployment deployment = deployments.getStore().getByKey(key);
    if (!closed && pods.get(key) == pod && deployment != null) {
      step(deployment, pod);
    }
  }

  private void publish(String namespace) {
    endpoints.put(
        namespace,
        pods.values().stream()
            .filter(p -> p.namespace.equals(namespace) && p.ready && p.running())
            .map(p -> new Endpoint(p.labels, p.port))
            .toList());
  }

  private void writeStatus(Deployment deployment, LocalPod pod) {
    statuses.write(deployment, DeploymentStatuses.of(deployment, pod, Instant.now()));
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    try {
      thread.submit(this::removeAll).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not stop every tenant app in time; killing them", e);
    }
    thread.shutdownNow();
    statuses.close();
    // Whatever is left (the runner's thread was busy): no process may outlive the launcher.
    List.copyOf(pods.values())
        .forEach(
            pod -> {
              Process process = pod.process;
              if (process != null) {
                process.destroyForcibly();
              }
            });
  }

  /** On the runner's thread: stops every pod, and no pass after this starts one again. */
  private void removeAll() {
    closed = true;
    pods.values().forEach(LocalPod::remove);
    pods.clear();
  }

  /** Secrets and ConfigMaps from the informers' caches. */
  private static final class InformerConfigSource implements ConfigSource {
    SharedIndexInformer<Secret> secrets;
    SharedIndexInformer<ConfigMap> configMaps;

    @Override
    public Optional<Map<String, String>> secret(String namespace, String name) {
      return Optional.ofNullable(secrets.getStore().getByKey(namespace + "/" + name))
          .map(SecretData::decoded);
    }

    @Override
    public Optional<Map<String, String>> configMap(String namespace, String name) {
      return Optional.ofNullable(configMaps.getStore().getByKey(namespace + "/" + name))
          .map(map -> map.getData() == null ? Map.<String, String>of() : map.getData());
    }
  }
}
