package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The committed CRD file, as tests read it. */
final class TenantCrd {

  static final String FILE_NAME = "tenants.tenantry.io-v1.yml";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TenantCrd() {}

  static Path committedFile() {
    return Path.of(System.getProperty("crds.dir", ".")).resolve(FILE_NAME);
  }

  static JsonNode committed() {
    try {
      return YAML.readTree(committedFile().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode version() {
    return committed().at("/spec/versions/0");
  }

  static JsonNode openApiSchema() {
    return version().at("/schema/openAPIV3Schema");
  }
}
