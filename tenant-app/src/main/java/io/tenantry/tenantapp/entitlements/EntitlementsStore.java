package io.tenantry.tenantapp.entitlements;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tenantry.tenantapp.common.Periodic;
import io.tenantry.tenantapp.config.TenantConfig;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.keys.PlatformKey;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The entitlements in force. Loaded at start and re-read every poll interval from the mounted
 * {@code tenant-entitlements} ConfigMap; Kubernetes updates such a volume by swapping a symlink, so
 * a change is detected by content, not by modification time. Entitlements that do not verify are
 * refused and the last valid ones stay in force; before any valid ones arrive, the configured
 * defaults apply.
 *
 * <p>The accepted ones are kept in the database with their version ({@code ver}): a restart starts
 * from them, so a key rotation that leaves the mounted file unverifiable for a while costs nothing,
 * and a file with a lower version than the kept one is refused, so an older blob the platform once
 * signed cannot be put back.
 */
@ApplicationScoped
public class EntitlementsStore {

  public static final String FILE = "entitlements.json";

  private static final Logger LOG = Logger.getLogger(EntitlementsStore.class);

  private final TenantConfig config;
  private final Clock clock;
  private final EntitlementsVerifier verifier;
  private final Db db;
  private final Vertx vertx;
  private final Duration pollInterval;
  private Periodic poll;
  private volatile Entitlements current;
  private long version = -1; // of the entitlements in force; -1 while the defaults apply
  private String lastSeen;

  EntitlementsStore(
      TenantConfig config, EntitlementsConfig entitlements, Clock clock, Db db, Vertx vertx) {
    this.config = config;
    this.clock = clock;
    this.db = db;
    this.vertx = vertx;
    this.pollInterval = entitlements.pollInterval();
    this.verifier = new EntitlementsVerifier(config.slug(), entitlements.clockSkewSeconds());
    this.current = Entitlements.defaults(entitlements.defaults());
  }

  public Entitlements current() {
    return current;
  }

  void onStart(@Observes StartupEvent event) {
    restoreKept();
    reload();
    poll = Periodic.start(vertx, "entitlements poll", pollInterval, this::reload);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (poll != null) {
      poll.stop();
    }
  }

  /** The version of the entitlements in force; -1 while the configured defaults apply. */
  public synchronized long version() {
    return version;
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
      EntitlementsVerifier.Verified verified = verifier.verify(file, key, clock.instant());
      if (verified.version() < version) {
        throw new EntitlementsRefused(
            "their version %d is older than the %d in force"
                .formatted(verified.version(), version));
      }
      apply(verified);
      keep(file, verified.version());
    } catch (EntitlementsRefused e) {
      LOG.warnf(
          "refused the entitlements in %s: %s; the last valid ones stay in force",
          dir.resolve(FILE), e.getMessage());
    }
  }

  private void apply(EntitlementsVerifier.Verified verified) {
    current = verified.entitlements();
    version = verified.version();
    LOG.infof(
        "applied entitlements version %d: plan %s, %d seats, license %s",
        version, current.plan(), current.seats(), current.licenseStatus());
  }

  private synchronized void restoreKept() {
    Optional<String> kept =
        db.first(
            "SELECT signed_file FROM entitlements_state WHERE id = 1", row -> row.getString(1));
    if (kept.isEmpty()) {
      return;
    }
    try {
      apply(verifier.trusted(kept.get()));
    } catch (EntitlementsRefused e) {
      LOG.warnf("the kept entitlements are unreadable (%s); the defaults apply", e.getMessage());
    }
  }

  private void keep(String file, long accepted) {
    db.update(
        "INSERT INTO entitlements_state (id, version, signed_file, accepted_at) VALUES (1, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
            + " signed_file = excluded.signed_file, accepted_at = excluded.accepted_at",
        accepted,
        file,
        clock.instant());
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
