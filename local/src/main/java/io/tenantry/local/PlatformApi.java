package io.tenantry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

/**
 * A small client of the platform's public APIs (docs/api.md), for the launcher's demo tenants and
 * the end-to-end test: the control plane as its owner, and a tenant app as its staff.
 */
final class PlatformApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** An answer: status and JSON body (null when the body is not JSON). */
  record Answer(int status, JsonNode body) {}

  private final String baseUrl;
  private final String token;
  private final boolean passwordChangeRequired;

  private PlatformApi(String baseUrl, String token, boolean passwordChangeRequired) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.passwordChangeRequired = passwordChangeRequired;
  }

  /** Signs in at {@code baseUrl} (a control plane or a tenant app) with email and password. */
  static PlatformApi signIn(String baseUrl, String email, String password) {
    Answer answer =
        send(
            baseUrl,
            null,
            "POST",
            "/api/v1/auth/login",
            Map.of("email", email, "password", password));
    if (answer.status() != 200) {
      throw new IllegalStateException("sign-in at " + baseUrl + " answered " + answer.status());
    }
    return signedIn(baseUrl, answer.body());
  }

  private static PlatformApi signedIn(String baseUrl, JsonNode tokens) {
    return new PlatformApi(
        baseUrl,
        tokens.get("accessToken").asText(),
        tokens.path("passwordChangeRequired").asBoolean(false));
  }

  /** Signs in to the control plane as the bootstrap owner, from its credentials file. */
  static PlatformApi signInAsOwner(String baseUrl, Path credentials) throws IOException {
    Properties file = ownerCredentials(credentials);
    return signIn(baseUrl, file.getProperty("email"), file.getProperty("password"));
  }

  /** The bootstrap owner's {@code email} and {@code password}, as the control plane wrote them. */
  static Properties ownerCredentials(Path credentials) throws IOException {
    Properties file = new Properties();
    try (var reader = Files.newBufferedReader(credentials)) {
      file.load(reader);
    }
    return file;
  }

  /** The password is one the user did not choose: the API takes nothing else until it changes. */
  boolean passwordChangeRequired() {
    return passwordChangeRequired;
  }

  /**
   * Changes the signed-in control plane user's own password; the API signed in afresh, as the
   * change answers with a new token pair.
   */
  PlatformApi changeOwnPassword(String current, String chosen) {
    Answer answer =
        post("/api/v1/auth/password", Map.of("currentPassword", current, "newPassword", chosen));
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "changing the password at " + baseUrl + " answered " + answer.status());
    }
    return signedIn(baseUrl, answer.body());
  }

  /** The same API with another bearer token (to show that it is refused). */
  PlatformApi withToken(String other) {
    return new PlatformApi(baseUrl, other, passwordChangeRequired);
  }

  String token() {
    return token;
  }

  Answer get(String path) {
    return send(baseUrl, token, "GET", path, null);
  }

  Answer post(String path, Object body) {
    return send(baseUrl, token, "POST", path, body);
  }

  Answer delete(String path) {
    return send(baseUrl, token, "DELETE", path, null);
  }

  /** Creates a tenant whose deletion drops its database. */
  Answer createTenant(String slug, String plan) {
    return post(
        "/api/v1/platform/tenants",
        Map.of(
            "slug",
            slug,
            "displayName",
            slug + " (demo)",
            "plan",
            plan,
            "deletionPolicy",
            "Delete"));
  }

  /** Waits until the tenant's phase is {@code phase}; returns the tenant. */
  JsonNode awaitPhase(String slug, String phase, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode tenant = null;
    while (Instant.now().isBefore(deadline)) {
      Answer answer = get("/api/v1/platform/tenants/" + slug);
      tenant = answer.body();
      if (answer.status() == 200 && phase.equals(tenant.path("phase").asText())) {
        return tenant;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "tenant " + slug + " not " + phase + " after " + timeout + "; last: " + tenant);
  }

  private static Answer send(String base, String token, String method, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json");
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(
            method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = null;
      if (response.body().length > 0
          && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
        json = JSON.readTree(response.body());
      }
      return new Answer(response.statusCode(), json);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + base + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
