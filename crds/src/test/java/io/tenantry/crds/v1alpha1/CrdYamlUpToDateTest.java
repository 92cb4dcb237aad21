package io.tenantry.crds.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRD YAML is committed so SREs can {@code kubectl apply -f crds/} without a build. This test
 * keeps it honest: it fails when a committed file differs from what the Java model generates (with
 * the printer columns in the order the class declares them, {@link DeclaredColumnOrder}).
 * Regenerate with {@code ./mvnw -pl crds test -Dcrds.update=true}.
 */
class CrdYamlUpToDateTest {

  static Stream<Arguments> everyCustomResource() {
    return Stream.of(
        Arguments.of(Tenant.class, TenantCrd.TENANT),
        Arguments.of(Release.class, TenantCrd.RELEASE),
        Arguments.of(Rollout.class, TenantCrd.ROLLOUT));
  }

  @ParameterizedTest
  @MethodSource("everyCustomResource")
  void committedCrdMatchesTheJavaModel(
      Class<? extends CustomResource<?, ?>> type, TenantCrd crd, @TempDir Path out)
      throws IOException {
    new CRDGenerator()
        .customResourceClasses(type)
        .forCRDVersions("v1")
        .inOutputDir(out.toFile())
        .generate();
    String generated =
        DeclaredColumnOrder.apply(type, Files.readString(out.resolve(crd.fileName())));
    Path committed = crd.file();

    if (Boolean.getBoolean("crds.update")) {
      Files.writeString(committed, generated);
    }
    assertThat(Files.readString(committed))
        .as("crds/%s is stale: run ./mvnw -pl crds test -Dcrds.update=true", crd.fileName())
        .isEqualTo(generated);
  }
}
