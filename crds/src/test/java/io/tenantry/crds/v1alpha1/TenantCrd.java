package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A committed CRD file, as tests read it; {@link #TENANT} and its siblings. */
record TenantCrd(String fileName) {

  static final String FILE_NAME = "tenants.tenantry.io-v1.yml";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static final TenantCrd TENANT = new TenantCrd(FILE_NAME);
  static final TenantCrd RELEASE = new TenantCrd("releases.tenantry.io-v1.yml");
  static final TenantCrd ROLLOUT = new TenantCrd("rollouts.tenantry.io-v1.yml");

  static Path committedFile() {
    return TENANT.file();
  }

  static JsonNode committed() {
    return TENANT.read();
  }

  static JsonNode version() {
    return TENANT.firstVersion();
  }

  static JsonNode openApiSchema() {
    return version().at("/schema/openAPIV3Schema");
  }

  Path file() {
    return Path.of(System.getProperty("crds.dir", ".")).resolve(fileName);
  }

  JsonNode read() {
    try {
      return YAML.readTree(file().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode firstVersion() {
    return read().at("/spec/versions/0");
  }
}
