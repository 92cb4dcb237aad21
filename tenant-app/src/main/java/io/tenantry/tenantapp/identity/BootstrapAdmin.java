package io.tenantry.tenantapp.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tenantry.tenantapp.db.Timestamps;
import io.tenantry.tenantapp.identity.IdentityDtos.InvitationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates the first tenant administrator when the tenant has no staff at all. With a configured
 * password the account is active at once, that password one-time (they must choose their own before
 * anything else); otherwise it is an invitation whose one-time token is written to an owner-only
 * file (never logged), to be exchanged for a password through {@code POST
 * /api/v1/auth/accept-invite}. There is no default password.
 */
@ApplicationScoped
public class BootstrapAdmin {

  private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

  private final BootstrapAdminConfig config;
  private final StaffService staff;
  private final StaffUsers users;

  BootstrapAdmin(BootstrapAdminConfig config, StaffService staff, StaffUsers users) {
    this.config = config;
    this.staff = staff;
    this.users = users;
  }

  void onStart(@Observes StartupEvent event) {
    boolean empty = QuarkusTransaction.requiringNew().call(() -> users.count() == 0);
    if (!empty) {
      return;
    }
    if (config.password().isPresent()) {
      QuarkusTransaction.requiringNew()
          .run(() -> createActive(config.email(), config.password().get()));
      LOG.infof("created the first tenant administrator %s from configuration", config.email());
      return;
    }
    InvitationView invitation =
        staff.invite(config.email(), "Tenant administrator", Role.tenant_admin);
    Path file = writeOwnerOnly(invitation.inviteToken());
    LOG.infof(
        "created the first tenant administrator %s; its one-time invitation token is in %s",
        config.email(), file);
  }

  /** The first administrator with the operator's password, which they must change first. */
  void createActive(String email, String password) {
    StaffUser user = new StaffUser();
    user.id = UUID.randomUUID();
    user.email = email;
    user.displayName = "Tenant administrator";
    user.role = Role.tenant_admin;
    user.status = StaffStatus.active;
    user.passwordHash = Secrets.hashPassword(password);
    user.passwordChangeRequired = true; // the operator's Secret holds it: one-time
    user.createdAt = Timestamps.now();
    users.insert(user);
  }

  private Path writeOwnerOnly(String secret) {
    try {
      Path file =
          config.passwordFile().isPresent()
              ? config.passwordFile().get()
              : Files.createTempDirectory("tenantry-bootstrap-").resolve("admin-invite-token");
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, secret);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bootstrap administrator's token", e);
    }
  }
}
