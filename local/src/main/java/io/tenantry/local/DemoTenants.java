package io.tenantry.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code --demo N}: N tenants created through the control plane's API as its owner would, each
 * filled with demo data by its first staff admin once it is Ready. The admin's password from the
 * operator is one-time (the tenant app refuses everything else until it is changed), so the demo
 * changes it first, to a new random one the summary prints; likewise the platform owner's.
 */
final class DemoTenants {

  /** The Secret the operator hands a tenant's first staff admin over in. */
  static final String ADMIN_SECRET = "tenant-admin";

  private static final List<String> NAMES =
      List.of("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka");
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final int DEMO_SUBSCRIBERS = 200;

  /**
   * A demo tenant: where it is served and who signs in first, with the password the demo chose in
   * place of the one-time one.
   */
  record Created(String slug, String url, String phase, Optional<StaffAdmin> admin) {}

  /** A tenant's first staff admin and a password (the Secret's one-time one, or the demo's). */
  record StaffAdmin(String email, String password) {}

  private static final SecureRandom RANDOM = new SecureRandom();

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
        ownerWithAChosenPassword(
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
        admin = Optional.of(fillWithDemoData(url, admin.get()));
      }
      created.add(new Created(slug, url, "Ready", admin));
    }
    return created;
  }

  /**
   * Signs in as the first owner. With the one-time password the control plane refuses everything
   * but choosing one's own, so the demo chooses a new random one, as for each tenant's admin, and
   * writes it to the credentials file in place of the one-time one (for the summary, the README's
   * curl lines and the console).
   */
  static PlatformApi ownerWithAChosenPassword(String url, Path credentials) throws IOException {
    Properties file = PlatformApi.ownerCredentials(credentials);
    String email = file.getProperty("email");
    String oneTime = file.getProperty("password");
    PlatformApi owner = PlatformApi.signIn(url, email, oneTime);
    if (!owner.passwordChangeRequired()) {
      return owner;
    }
    String chosen = randomPassword();
    PlatformApi changed = owner.changeOwnPassword(oneTime, chosen);
    // Written over the existing file, which keeps its owner-only permissions.
    Files.writeString(
        credentials,
        "email="
            + email
            + "\npassword="
            + chosen
            + "\n# Chosen by bin/run-local --demo in place of the one-time password.\n");
    return changed;
  }

  /**
   * Signs in with the one-time password, changes it to a new random one (the same token then works
   * for everything), posts the demo data, and returns the admin with the new password.
   */
  private static StaffAdmin fillWithDemoData(String url, StaffAdmin oneTime) {
    PlatformApi staff = PlatformApi.signIn(url, oneTime.email(), oneTime.password());
    String chosen = randomPassword();
    expect(
        staff.post(
            "/api/v1/staff/me/password",
            Map.of("currentPassword", oneTime.password(), "newPassword", chosen)),
        "changing the one-time password at " + url);
    expect(
        staff.post("/api/v1/demo-data?subscribers=" + DEMO_SUBSCRIBERS, null),
        "posting demo data at " + url);
    return new StaffAdmin(oneTime.email(), chosen);
  }

  private static void expect(PlatformApi.Answer answer, String what) {
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
    }
  }

  /** 24 URL-safe characters (144 bits). */
  static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
