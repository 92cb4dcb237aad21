package io.tenantry.local.workloads;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs {@link FakeApp} as a runnable jar whose class path is the test classes folder. */
final class FakeApps {

  private FakeApps() {}

  static LocalApp build(Path dir) throws IOException {
    Path classes =
        Path.of(FakeApp.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeApp.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    Path jar = dir.resolve("fake-app.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar.
    }
    return new LocalApp(jar, List.of("-Xmx32m", "-XX:+UseSerialGC"));
  }
}
