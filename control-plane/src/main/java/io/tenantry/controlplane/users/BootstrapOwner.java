package io.tenantry.controlplane.users;

import io.quarkus.runtime.StartupEvent;
import io.tenantry.common.secrets.RandomSecrets;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Creates the first owner when the platform has no users. Its password comes from configuration or
 * is generated once and written to a file only the service account can read; it is never logged.
 */
@ApplicationScoped
public class BootstrapOwner {

  private static final Logger LOG = Logger.getLogger(BootstrapOwner.class);
  private static final long BOOTSTRAP_LOCK = 0x626f_6f74L;

  private final BootstrapConfig config;
  private final UserService users;
  private final AuditLog audit;
  private final EntityManager em;

  BootstrapOwner(BootstrapConfig config, UserService users, AuditLog audit, EntityManager em) {
    this.config = config;
    this.users = users;
    this.audit = audit;
    this.em = em;
  }

  @Transactional
  void onStart(@Observes StartupEvent event) {
    // Two instances starting together must not both create an owner.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, BOOTSTRAP_LOCK)
        .getSingleResult();
    if (PlatformUser.count() > 0) {
      return;
    }
    String password = config.ownerPassword().orElse(null);
    boolean generated = password == null;
    if (generated) {
      password = RandomSecrets.random(18);
    }
    PlatformUser owner = users.newUser(config.ownerEmail(), password, Role.OWNER);
    // Written to a file, a one-time password may have been read by others: the owner must change
    // it.
    owner.passwordChangeRequired = generated;
    audit.recordAs(
        "system",
        AuditEvent.success(
            "user.bootstrap", null, owner.id.toString(), Map.of("email", owner.email)));
    if (generated) {
      Path file = writeCredentials(owner.email, password);
      LOG.infof("created the first owner %s; its one-time password is in %s", owner.email, file);
    } else {
      LOG.infof("created the first owner %s with the configured password", owner.email);
    }
  }

  private Path writeCredentials(String email, String password) {
    Path file = Path.of(config.credentialsFile()).toAbsolutePath();
    String content =
        "email="
            + email
            + "\npassword="
            + password
            + "\n# One-time password: sign in, then change it with POST /api/v1/auth/password."
            + "\n# Until then sign-in answers passwordChangeRequired: true and the API refuses all"
            + " else.\n";
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(
          file,
          content,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the bootstrap credentials to " + file, e);
    }
  }
}
