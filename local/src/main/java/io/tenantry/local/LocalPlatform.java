package io.tenantry.local;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The README's first command: starts the operator and the control plane on a machine that has only
 * a JDK, with an embedded PostgreSQL and Kubernetes API where none is configured. With the embedded
 * API server it also runs the local cluster ({@link LocalCluster}), so tenants really run and are
 * served at {@code http://<slug>.localhost:<port>}. Closing stops everything it started, in reverse
 * order.
 */
public final class LocalPlatform implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LocalPlatform.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /** Held so the level sticks: the mock server logs every request at INFO otherwise. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  /**
   * Held for the same reason: the embedded PostgreSQL logs each line of initdb and pg_ctl, and the
   * client its API version notes, which bury the launcher's progress lines.
   */
  private static final List<Logger> QUIET =
      List.of(Logger.getLogger("io.zonky"), Logger.getLogger("io.fabric8"));

  /**
   * Held too, one level higher: the client warns at each first use of a v1alpha1 resource that the
   * version is unstable, which our own CRDs are on purpose. Other fabric8 warnings still show.
   */
  private static final Logger UNSTABLE_VERSION_NOTES =
      Logger.getLogger(VersionUsageUtils.class.getName());

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final CountDownLatch exited = new CountDownLatch(1);
  private LocalSettings settings;
  private LocalDatabase database;
  private String kubeconfig;
  private KubernetesClient client;
  private LocalCluster cluster;
  private ServiceProcess operator;
  private ServiceProcess controlPlane;

  public static void main(String[] args) throws Exception {
    LocalPlatform platform = new LocalPlatform();
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "tenantry-local-stop"));
    try {
      LocalSettings settings =
          LocalSettings.from(System.getenv(), Path.of("").toAbsolutePath()).withArguments(args);
      platform.start(settings, Map.of());
      List<DemoTenants.Created> demo = List.of();
      try {
        demo = DemoTenants.create(platform, settings.demoTenants());
      } catch (Exception e) {
        // The platform runs; only the demo is incomplete, and the summary shows each tenant's
        // state.
        LOG.warning("demo tenants incomplete: " + e.getMessage());
      }
      System.out.println(LocalSummary.describe(platform, demo));
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "Tenantry did not start: " + e.getMessage());
      System.exit(1);
    }
    platform.exited.await();
    LOG.warning(
        "a platform service exited; stopping the rest (logs in " + platform.settings.logs() + ")");
    System.exit(1);
  }

  /** Keeps the libraries' routine notes out of the launcher's own progress lines. */
  static void quietenLibraries() {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
    QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
    UNSTABLE_VERSION_NOTES.setLevel(Level.SEVERE);
  }

  /** Starts everything; {@code extraControlPlaneEnv} is for tests (a known owner password). */
  void start(LocalSettings settings, Map<String, String> extraControlPlaneEnv) throws Exception {
    quietenLibraries();
    this.settings = settings;
    Progress.step("starting PostgreSQL");
    database = track(LocalDatabase.start(settings));
    Map<String, String> operatorEnv = new HashMap<>(LocalEnvironment.operator(settings, database));
    Map<String, String> controlPlaneEnv =
        new HashMap<>(LocalEnvironment.controlPlane(settings, database));
    controlPlaneEnv.putAll(extraControlPlaneEnv);
    List<String> controlPlaneJvm = List.of();
    String configured = configuredKubeconfig();
    if (configured != null) {
      kubeconfig = configured;
    } else {
      Progress.step("starting the embedded Kubernetes API, workload runner and ingress");
      EmbeddedKubernetes kube =
          track(
              EmbeddedKubernetes.start(
                  settings.embeddedKubernetesPort(),
                  settings.kubeconfig(),
                  settings.platformNamespace()));
      kubeconfig = kube.kubeconfig().toString();
      client = track(kube.client());
      String publicKey = PlatformKeyPair.ensure(client, settings.platformNamespace());
      cluster =
          track(
              LocalCluster.start(
                  client, settings, database, LocalCluster.runnerSettings(settings)));
      operatorEnv.putAll(LocalEnvironment.operatorInLocalCluster(cluster.ingressPort(), publicKey));
      controlPlaneEnv.putAll(LocalEnvironment.controlPlaneInLocalCluster(cluster.ingressPort()));
      controlPlaneJvm = LocalEnvironment.controlPlaneJvmInLocalCluster(settings);
    }
    operatorEnv.put("KUBECONFIG", kubeconfig);
    controlPlaneEnv.put("KUBECONFIG", kubeconfig);
    Path repo = settings.repository();
    Progress.step("starting the operator and the control plane");
    operator =
        track(
            ServiceProcess.start(
                "operator",
                repo.resolve("operator/target/quarkus-app/quarkus-run.jar"),
                settings.operatorPort(),
                operatorEnv,
                List.of(),
                settings.logs()));
    controlPlane =
        track(
            ServiceProcess.start(
                "control-plane",
                repo.resolve("control-plane/target/quarkus-app/quarkus-run.jar"),
                settings.controlPlanePort(),
                controlPlaneEnv,
                controlPlaneJvm,
                settings.logs()));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    operator.awaitReady(http, START_TIMEOUT);
    controlPlane.awaitReady(http, START_TIMEOUT);
    // Stop everything when either service dies, so a half-running platform never lingers.
    operator.process().onExit().thenRun(exited::countDown);
    controlPlane.process().onExit().thenRun(exited::countDown);
  }

  /** The kubeconfig of the current kube context, or null when none is configured. */
  private static String configuredKubeconfig() {
    Config configured = Config.autoConfigure(null);
    if (configured.getCurrentContext() == null) {
      return null;
    }
    return System.getenv()
        .getOrDefault(
            "KUBECONFIG", Path.of(System.getProperty("user.home"), ".kube", "config").toString());
  }

  LocalSettings settings() {
    return settings;
  }

  LocalDatabase database() {
    return database;
  }

  String kubeconfig() {
    return kubeconfig;
  }

  /** The embedded API server's client; null against a configured cluster. */
  KubernetesClient client() {
    return client;
  }

  /** The local cluster; null against a configured cluster. */
  LocalCluster cluster() {
    return cluster;
  }

  ServiceProcess operator() {
    return operator;
  }

  ServiceProcess controlPlane() {
    return controlPlane;
  }

  private <T extends AutoCloseable> T track(T resource) {
    synchronized (started) {
      started.push(resource);
    }
    return resource;
  }

  @Override
  public void close() {
    synchronized (started) {
      while (!started.isEmpty()) {
        AutoCloseable resource = started.pop();
        try {
          resource.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "could not stop " + resource.getClass().getSimpleName(), e);
        }
      }
    }
  }
}
