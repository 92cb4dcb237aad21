package io.tenantry.local;

import io.fabric8.kubernetes.client.Config;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The README's first command: starts the operator and the control plane on a machine that has only
 * a JDK, with an embedded PostgreSQL and Kubernetes API where none is configured. Ctrl-C stops
 * everything it started, in reverse order.
 */
public final class LocalPlatform {

  private static final Logger LOG = Logger.getLogger(LocalPlatform.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /** Held so the level sticks: the mock server logs every request at INFO otherwise. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) throws Exception {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
    LocalSettings settings = LocalSettings.from(System.getenv(), Path.of("").toAbsolutePath());
    LocalPlatform platform = new LocalPlatform();
    Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "tenantry-local-stop"));
    try {
      platform.run(settings);
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "Tenantry did not start: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run(LocalSettings settings) throws Exception {
    LocalDatabase database = track(LocalDatabase.start(settings));
    String configured = configuredKubeconfig();
    EmbeddedKubernetes embeddedKube = configured == null ? startKube(settings) : null;
    String kubeconfig = configured != null ? configured : embeddedKube.kubeconfig().toString();

    Map<String, String> common = new HashMap<>();
    common.put("KUBECONFIG", kubeconfig);
    Path repo = settings.repository();
    ServiceProcess operator =
        track(
            ServiceProcess.start(
                "operator",
                repo.resolve("operator/target/quarkus-app/quarkus-run.jar"),
                settings.operatorPort(),
                with(common, LocalEnvironment.operator(settings, database)),
                settings.logs()));
    ServiceProcess controlPlane =
        track(
            ServiceProcess.start(
                "control-plane",
                repo.resolve("control-plane/target/quarkus-app/quarkus-run.jar"),
                settings.controlPlanePort(),
                with(common, LocalEnvironment.controlPlane(settings, database)),
                settings.logs()));

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    operator.awaitReady(http, START_TIMEOUT);
    controlPlane.awaitReady(http, START_TIMEOUT);
    LOG.info(LocalSummary.describe(settings, database, kubeconfig, operator, controlPlane));

    // Stop everything when either service dies, so a half-running platform never lingers.
    operator.process().onExit().thenRun(stopped::countDown);
    controlPlane.process().onExit().thenRun(stopped::countDown);
    stopped.await();
    LOG.warning("a platform service exited; stopping the rest (logs in " + settings.logs() + ")");
    System.exit(1);
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

  private EmbeddedKubernetes startKube(LocalSettings settings) throws Exception {
    return track(
        EmbeddedKubernetes.start(
            settings.embeddedKubernetesPort(),
            settings.kubeconfig(),
            settings.platformNamespace()));
  }

  private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
    Map<String, String> env = new HashMap<>(common);
    env.putAll(own);
    return env;
  }

  private <T extends AutoCloseable> T track(T resource) {
    synchronized (started) {
      started.push(resource);
    }
    return resource;
  }

  private void stop() {
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
