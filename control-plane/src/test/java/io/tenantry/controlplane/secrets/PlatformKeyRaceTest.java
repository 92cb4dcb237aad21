package io.tenantry.controlplane.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.tenantry.common.keys.Pem;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two control-plane replicas start on an empty store at once. Both find no key; only one may store
 * its own, and both must then sign with that one, or tokens and entitlements fail at random.
 */
@EnableKubernetesMockClient(crud = true)
class PlatformKeyRaceTest {

  static KubernetesClient client;

  @Test
  void twoReplicasRacingOnAnEmptyStoreEndUpWithOneKey() throws Exception {
    // Both replicas read "nothing stored" before either writes: the race at its worst.
    CyclicBarrier bothReadEmpty = new CyclicBarrier(2);
    SecretStore shared = new KubernetesSecretStore(client, "tenantry-system");

    CompletableFuture<PlatformKeys> first = startReplica(shared, bothReadEmpty);
    CompletableFuture<PlatformKeys> second = startReplica(shared, bothReadEmpty);

    PlatformKeys a = first.get(60, TimeUnit.SECONDS);
    PlatformKeys b = second.get(60, TimeUnit.SECONDS);
    assertThat(a.publicKey()).isEqualTo(b.publicKey());
    assertThat(a.privateKey()).isEqualTo(b.privateKey());
    assertThat(shared.read("tenantry-platform-signing-key").orElseThrow())
        .containsEntry(
            PlatformKeys.PUBLIC_KEY, Pem.encode(Pem.PUBLIC_KEY, a.publicKey().getEncoded()));
  }

  private static CompletableFuture<PlatformKeys> startReplica(
      SecretStore shared, CyclicBarrier bothReadEmpty) {
    return CompletableFuture.supplyAsync(
        () -> {
          PlatformKeys keys = new PlatformKeys(new FirstReadWaits(shared, bothReadEmpty), config());
          keys.load();
          return keys;
        });
  }

  /** Holds the first read until the other replica has read too. */
  private static final class FirstReadWaits implements SecretStore {
    private final SecretStore delegate;
    private final CyclicBarrier barrier;
    private boolean waited;

    FirstReadWaits(SecretStore delegate, CyclicBarrier barrier) {
      this.delegate = delegate;
      this.barrier = barrier;
    }

    @Override
    public Optional<Map<String, String>> read(String name) {
      Optional<Map<String, String>> values = delegate.read(name);
      if (!waited) {
        waited = true;
        try {
          barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException("the other replica never read", e);
        }
      }
      return values;
    }

    @Override
    public void write(String name, Map<String, String> values) {
      delegate.write(name, values);
    }

    @Override
    public boolean createIfAbsent(String name, Map<String, String> values) {
      return delegate.createIfAbsent(name, values);
    }
  }

  private static SecretsConfig config() {
    return new SecretsConfig() {
      @Override
      public String provider() {
        return "kubernetes";
      }

      @Override
      public String platformKeyName() {
        return "tenantry-platform-signing-key";
      }

      @Override
      public Kubernetes kubernetes() {
        return () -> "tenantry-system";
      }

      @Override
      public Vault vault() {
        throw new UnsupportedOperationException();
      }
    };
  }
}
