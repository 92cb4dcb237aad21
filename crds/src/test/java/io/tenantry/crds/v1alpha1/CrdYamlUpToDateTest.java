package io.tenantry.crds.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRD YAML is committed so SREs can {@code kubectl apply -f crds/} without a build. This test
 * keeps it honest: it fails when the committed file differs from what the Java model generates.
 * Regenerate with {@code ./mvnw -pl crds test -Dcrds.update=true}.
 */
class CrdYamlUpToDateTest {

  @Test
  void committedCrdMatchesTheJavaModel(@TempDir Path out) throws IOException {
    new CRDGenerator()
        .customResourceClasses(Tenant.class)
        .forCRDVersions("v1")
        .inOutputDir(out.toFile())
        .generate();
    String generated = Files.readString(out.resolve(TenantCrd.FILE_NAME));
    Path committed = TenantCrd.committedFile();

    if (Boolean.getBoolean("crds.update")) {
      Files.writeString(committed, generated);
    }
    assertThat(Files.readString(committed))
        .as("crds/%s is stale: run ./mvnw -pl crds test -Dcrds.update=true", TenantCrd.FILE_NAME)
        .isEqualTo(generated);
  }
}
