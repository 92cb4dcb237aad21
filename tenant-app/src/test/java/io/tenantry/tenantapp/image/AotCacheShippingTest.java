package io.tenantry.tenantapp.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image ships the AOT cache the build trains (src/main/aot/train-aot-cache.sh, `-Paot`): its
 * JVM options name it, its base image is the JDK the build is pinned to, and the build refuses a
 * cache it cannot stand behind. The JVM's own acceptance of the trained cache (-XX:AOTMode=on on
 * the layout copied elsewhere) is checked by the training itself in every `-Paot` build.
 */
class AotCacheShippingTest {

  private static final Path SCRIPT = Path.of("src/main/aot/train-aot-cache.sh");

  @Test
  void theImageStartsWithTheCacheInItsWorkingDirectory() throws IOException {
    Properties app = applicationProperties();

    List<String> options = Arrays.asList(app.getProperty("quarkus.jib.jvm-arguments").split(","));
    assertThat(options).contains("-XX:AOTCache=app.aot");
    assertThat(app.getProperty("quarkus.jib.working-directory")).isEqualTo("/deployments");
  }

  /**
   * The shipped options map class data where it was built (no relocation: clean, shared pages). The
   * JDK's own CDS archive stands in for the trained cache, which only a `-Paot` build has; the
   * mapping decision is the same for both.
   */
  @Test
  void theShippedOptionsMapClassDataAtItsBuiltAddress() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option :
        applicationProperties().getProperty("quarkus.jib.jvm-arguments").split(",")) {
      if (!option.startsWith("-XX:AOTCache=")) {
        command.add(option);
      }
    }
    command.addAll(List.of("-Xlog:cds=info", "-version"));

    Result result = run(command.toArray(String[]::new));

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("ArchiveRelocationMode: 0")
        .doesNotContain("map archive(s) at an alternative address");
  }

  @Test
  void theBaseImageIsTheJdkImageOfThePinnedTemurinBuild() throws IOException {
    String image = applicationProperties().getProperty("quarkus.jib.base-jvm-image");
    Matcher tag =
        Pattern.compile("eclipse-temurin:(\\d+\\.\\d+\\.\\d+)_(\\d+)-jdk-.+").matcher(image);

    assertThat(tag.matches()).as(image).isTrue();
    assertThat(tag.group(1) + "+" + tag.group(2)).isEqualTo(pinnedJdk());
  }

  @Test
  void theBuildRefusesToTrainForAnotherJdkBuild() throws Exception {
    Result result = run(SCRIPT.toString(), "target", "24.0.1+9");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("REFUSED").contains("Temurin 24.0.1+9");
  }

  @Test
  void aClassPathJarChangedSinceTrainingIsRefused(@TempDir Path dir) throws Exception {
    Path app = layout(dir.resolve("trained"));
    Path hashes = dir.resolve("app.aot.classpath.sha256");
    Files.writeString(hashes, run(SCRIPT.toString(), "--hashes", app.toString()).output());
    assertThat(run(SCRIPT.toString(), "--verify", app.toString(), hashes.toString()).exit())
        .isZero();

    Files.writeString(app.resolve("lib/boot/runner.jar"), "another build of the runner");
    Result changed = run(SCRIPT.toString(), "--verify", app.toString(), hashes.toString());

    assertThat(changed.exit()).isEqualTo(1);
    assertThat(changed.output()).contains("REFUSED").contains("stale classes");
  }

  private static Path layout(Path app) throws IOException {
    Files.createDirectories(app.resolve("lib/boot"));
    Files.writeString(app.resolve("quarkus-run.jar"), "runner manifest");
    Files.writeString(app.resolve("lib/boot/runner.jar"), "the trained runner");
    return app;
  }

  private static Properties applicationProperties() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    return properties;
  }

  private static String pinnedJdk() throws IOException {
    Matcher m =
        Pattern.compile("<tenantry.aot.image-jdk>([^<]+)</tenantry.aot.image-jdk>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  record Result(int exit, String output) {}

  private static Result run(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // the JDK running this test is the build JDK, the one the script checks
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }
}
