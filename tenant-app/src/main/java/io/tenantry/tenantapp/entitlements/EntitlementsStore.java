package io.tenantry.tenantapp.entitlements;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantry.tenantapp.config.TenantConfig;
import io.tenantry.tenantapp.keys.PlatformKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The entitlements in force. Loaded at start and re-read every poll interval from the mounted
 * {@code tenant-entitlements} ConfigMap; Kubernetes updates such a volume by swapping a symlink, so
 * a change is detected by content, not by modification time. Entitlements that do not verify are
 * refused and the last valid ones stay in force; before any valid ones arrive, the configured
 * defaults apply.
 */
@ApplicationScoped
public class EntitlementsStore {

  public static final String FILE = "entitlements.json";

  private static final Logger LOG = Logger.getLogger(EntitlementsStore.class);

  private final TenantConfig config;
  private final Clock clock;
  private final EntitlementsVerifier verifier;
  private volatile Entitlements current;
  private String lastSeen;

  EntitlementsStore(TenantConfig config, EntitlementsConfig entitlements, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.verifier = new EntitlementsVerifier(config.slug(), entitlements.clockSkewSeconds());
    this.current = Entitlements.defaults(entitlements.defaults());
  }

  public Entitlements current() {
    return current;
  }

  void onStart(@Observes StartupEvent event) {
    reload();
  }

  @Scheduled(
      every = "${tenantry.tenant.entitlements.poll-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    reload();
  }

  /** Applies the mounted entitlements if they changed since the last look and verify. */
  public synchronized void reload() {
    if (config.entitlementsDir().isEmpty()) {
      return;
    }
    Path dir = config.entitlementsDir().get();
    String file = read(dir.resolve(FILE));
    String key = read(dir.resolve(PlatformKey.FILE));
    String seen = file + "\n" + key;
    if (file == null || Objects.equals(seen, lastSeen)) {
      return;
    }
    lastSeen = seen;
    try {
      current = verifier.verify(file, key, clock.instant());
      LOG.infof(
          "applied entitlements: plan %s, %d seats, license %s",
          current.plan(), current.seats(), current.licenseStatus());
    } catch (EntitlementsRefused e) {
      LOG.warnf(
          "refused the entitlements in %s: %s; the last valid ones stay in force",
          dir.resolve(FILE), e.getMessage());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.warnf("cannot read %s (%s); trying again at the next poll", file, e.getMessage());
      return null;
    }
  }
}
