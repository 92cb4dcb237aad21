package io.tenantry.local.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local "registry" can pull: any tag of a locally built repository, nothing else. */
class ImagesTest {

  @TempDir Path home;

  @Test
  void everyTagOfALocallyBuiltRepositoryIsTheLocalBuild() throws IOException {
    Images images = new Images(Map.of("ghcr.io/tenantry/tenant-app", FakeApps.build(home)));

    assertThat(images.resolve("ghcr.io/tenantry/tenant-app:0.1.0")).isPresent();
    assertThat(images.resolve("ghcr.io/tenantry/tenant-app:2.0.0")).isPresent();
  }

  @Test
  void aDigestNamesAnImageThisRegistryNeverReceived() throws IOException {
    Images images = new Images(Map.of("ghcr.io/tenantry/tenant-app", FakeApps.build(home)));

    assertThat(images.resolve("ghcr.io/tenantry/tenant-app@sha256:" + "0".repeat(64))).isEmpty();
  }

  @Test
  void anotherRepositoryCannotBePulled() throws IOException {
    Images images = new Images(Map.of("ghcr.io/tenantry/tenant-app", FakeApps.build(home)));

    assertThat(images.resolve("docker.io/library/nginx:1.27")).isEmpty();
  }
}
