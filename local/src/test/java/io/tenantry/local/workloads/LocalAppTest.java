package io.tenantry.local.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local run takes from a built app's image settings, as the image would run it. */
class LocalAppTest {

  @TempDir Path quarkusApp;

  @BeforeEach
  void buildApp() throws IOException {
    Files.createDirectories(quarkusApp.resolve("app"));
    Files.writeString(quarkusApp.resolve("quarkus-run.jar"), "");
    try (OutputStream out = Files.newOutputStream(quarkusApp.resolve("app/tenant-app.jar"));
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("application.properties"));
      jar.write(
          String.join(
                  "\n",
                  "quarkus.jib.jvm-arguments=-Xmx192m, -XX:+UseSerialGC,-XX:AOTCache=app.aot",
                  "quarkus.jib.environment-variables.MALLOC_ARENA_MAX=2",
                  "quarkus.http.port=8080")
              .getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void theImagesOptionsAndEnvironmentAreTheProcesss() {
    LocalApp app = LocalApp.of(quarkusApp);

    assertThat(app.environment()).containsExactly(java.util.Map.entry("MALLOC_ARENA_MAX", "2"));
    assertThat(app.jvmArguments()).startsWith("-Xmx192m", "-XX:+UseSerialGC");
    assertThat(app.workingDirectory()).isEqualTo(quarkusApp.toAbsolutePath());
  }

  @Test
  void theAotCacheIsUsedWhenTheBuildTrainedIt() throws IOException {
    Files.writeString(quarkusApp.resolve("app.aot"), "cache");

    LocalApp app = LocalApp.of(quarkusApp);

    assertThat(app.jvmArguments()).contains("-XX:AOTCache=app.aot");
    assertThat(app.withoutAotCache()).isFalse();
  }

  @Test
  void aBuildWithoutTheAotCacheLeavesTheOptionOutAndSaysSo() {
    LocalApp app = LocalApp.of(quarkusApp);

    assertThat(app.jvmArguments()).noneMatch(option -> option.startsWith("-XX:AOTCache"));
    assertThat(app.withoutAotCache()).isTrue();
  }
}
