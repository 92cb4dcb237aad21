package io.tenantry.operator.support;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * The Fabric8 mock API server in CRUD mode, as {@code @WithKubernetesTestServer(crud = true)}
 * starts it, but with {@link IndexedCrudDispatcher} (or, with {@code -Dbenchmark.mock=stock},
 * Fabric8's own dispatcher, to compare). Injected into fields annotated {@link Server}.
 */
public class IndexedMockServer implements QuarkusTestResourceLifecycleManager {

  /** Marks the test field that receives the running server. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Server {}

  private KubernetesMockServer server;

  @Override
  public Map<String, String> start() {
    KubernetesCrudDispatcher dispatcher =
        "stock".equals(System.getProperty("benchmark.mock"))
            ? new KubernetesCrudDispatcher()
            : new IndexedCrudDispatcher();
    server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new MockWebServer(),
            new HashMap<>(),
            dispatcher,
            false);
    server.init();
    // the same client settings Quarkus' own mock server resource gives the application
    Map<String, String> config = new HashMap<>();
    config.put("kubernetes.master", server.createClient().getConfiguration().getMasterUrl());
    config.put("kubernetes.trust.certificates", "true");
    config.put("kubernetes.auth.tryKubeConfig", "false");
    config.put("kubernetes.auth.tryServiceAccount", "false");
    config.put("kubernetes.namespace", "test");
    config.put("http2.disable", "true");
    config.forEach(System::setProperty);
    return Map.of();
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        server, new TestInjector.AnnotatedAndMatchesType(Server.class, KubernetesMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.destroy();
    }
  }
}
