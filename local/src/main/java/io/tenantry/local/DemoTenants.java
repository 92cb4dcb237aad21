package io.tenantry.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code --demo N}: N tenants created through the control plane's API as its owner would, each
 * filled with demo data by its first staff admin once it is Ready.
 */
final class DemoTenants {

  /** The Secret the operator hands a tenant's first staff admin over in. */
  static final String ADMIN_SECRET = "tenant-admin";

  private static final List<String> NAMES =
      List.of("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka");
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final int DEMO_SUBSCRIBERS = 200;

  /** A demo tenant: where it is served and who signs in first. */
  record Created(String slug, String url, String phase, Optional<StaffAdmin> admin) {}

  /** A tenant's first staff admin and its one-time password. */
  record StaffAdmin(String email, String password) {}

  private DemoTenants() {}

  static List<Created> create(LocalPlatform platform, int count) throws Exception {
    List<Created> created = new ArrayList<>();
    if (count <= 0) {
      return created;
    }
    if (platform.client() == null) {
      throw new IllegalStateException("--demo needs the embedded Kubernetes API (no kube context)");
    }
    PlatformApi owner =
        PlatformApi.signInAsOwner(
            platform.controlPlane().url(), platform.settings().bootstrapCredentials());
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String slug = i < NAMES.size() ? NAMES.get(i) : "demo-" + (i + 1);
      Progress.step("creating demo tenant " + slug);
      PlatformApi.Answer answer = owner.createTenant(slug, "professional");
      if (answer.status() / 100 != 2) {
        throw new IllegalStateException(
            "creating " + slug + " answered " + answer.status() + ": " + answer.body());
      }
      slugs.add(slug);
    }
    for (String slug : slugs) {
      JsonNode tenant = owner.awaitPhase(slug, "Ready", READY_TIMEOUT);
      String url = tenant.path("url").asText();
      Optional<StaffAdmin> admin = admin(platform.client(), slug);
      if (admin.isPresent()) {
        Progress.step(slug + " is Ready at " + url + "; adding demo data");
        PlatformApi staff = PlatformApi.signIn(url, admin.get().email(), admin.get().password());
        staff.post("/api/v1/demo-data?subscribers=" + DEMO_SUBSCRIBERS, null);
      }
      created.add(new Created(slug, url, "Ready", admin));
    }
    return created;
  }

  /** The first staff admin's credential from the tenant namespace, when the operator made one. */
  static Optional<StaffAdmin> admin(KubernetesClient client, String slug) {
    Secret secret = client.secrets().inNamespace("tenant-" + slug).withName(ADMIN_SECRET).get();
    if (secret == null || secret.getData() == null || !secret.getData().containsKey("password")) {
      return Optional.empty();
    }
    return Optional.of(
        new StaffAdmin(
            decode(secret.getData().get("email")), decode(secret.getData().get("password"))));
  }

  private static String decode(String base64) {
    return base64 == null
        ? ""
        : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
