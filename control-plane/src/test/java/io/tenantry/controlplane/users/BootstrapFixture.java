package io.tenantry.controlplane.users;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Plays a clean start for tests outside this package: the real {@link BootstrapOwner} creates the
 * first owner and writes its one-time password to the credentials file, which is read back as an
 * operator would.
 */
@ApplicationScoped
public class BootstrapFixture {

  /** The first owner's email and one-time password, as the credentials file holds them. */
  public record Credentials(String email, String password) {}

  private final BootstrapOwner bootstrap;
  private final BootstrapConfig config;

  BootstrapFixture(BootstrapOwner bootstrap, BootstrapConfig config) {
    this.bootstrap = bootstrap;
    this.config = config;
  }

  /** Creates the first owner on a platform with no users, as at startup. */
  public Credentials start() {
    bootstrap.onStart(null);
    try {
      List<String> lines = Files.readAllLines(Path.of(config.credentialsFile()));
      return new Credentials(
          lines.get(0).substring("email=".length()), lines.get(1).substring("password=".length()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
