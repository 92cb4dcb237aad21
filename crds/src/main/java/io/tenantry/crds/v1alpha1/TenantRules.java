package io.tenantry.crds.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule the CRD's schema and CEL validations impose on a Tenant, in plain Java, for the places
 * that receive Tenants without a real API server in front: the operator, the control plane (API and
 * adoption of kubectl-applied Tenants) and the local API server. TenantRulesDriftTest walks the
 * committed CRD YAML and proves each of its constraints is refused here too.
 *
 * <p>It checks the manifest as JSON rather than the typed model, because the typed model cannot
 * hold what must be refused (an unknown plan, a negative seat count written as text …).
 */
public final class TenantRules {

  /** One broken rule: the field, as a dotted path, and what it must be. */
  public record Violation(String field, String rule) {
    @Override
    public String toString() {
      return field + " " + rule;
    }
  }

  public static final String SLUG_RULE =
      "must be a DNS label of 3 to 40 characters: lowercase letters, digits and '-', starting"
          + " with a letter and ending with a letter or digit";

  /** Labels with '--' in 3rd and 4th place are IDNA's ("xn--" is punycode): a host could spoof. */
  public static final String IDNA_RULE =
      "must not have '--' in its 3rd and 4th characters (reserved for IDNA, e.g. xn--)";

  /** Kubernetes reserves the kube- prefix for its own namespaces (kube-system, kube-public …). */
  public static final String KUBE_RULE = "must not start with 'kube-' (reserved for Kubernetes)";

  /** CEL form of {@link #IDNA_RULE}, used by the CRD. */
  public static final String IDNA_CEL = "!self.metadata.name.matches('^..--')";

  /** CEL form of {@link #KUBE_RULE}, used by the CRD. */
  public static final String KUBE_CEL = "!self.metadata.name.startsWith('kube-')";

  private static final Pattern SLUG = Pattern.compile(Tenant.SLUG_PATTERN);
  private static final Pattern REGION = Pattern.compile(TenantSpec.REGION_PATTERN);
  private static final Pattern APP_VERSION = Pattern.compile(TenantSpec.APP_VERSION_PATTERN);
  private static final Pattern EXPIRES_AT = Pattern.compile(Entitlements.EXPIRES_AT_PATTERN);
  private static final List<String> PLANS =
      List.of("free", "starter", "professional", "enterprise");
  private static final List<String> DELETION_POLICIES = List.of("Retain", "Delete");
  private static final Set<String> LICENSE_STATUSES =
      Set.of("active", "grace", "expired", "suspended", "revoked");

  private TenantRules() {}

  /** The rules a slug (the Tenant's name) must meet; empty when it is a valid one. */
  public static List<Violation> checkSlug(String slug) {
    List<Violation> violations = new ArrayList<>();
    if (slug == null || !SLUG.matcher(slug).matches()) {
      violations.add(new Violation("metadata.name", SLUG_RULE));
    } else if (slug.startsWith("--", 2)) {
      violations.add(new Violation("metadata.name", IDNA_RULE));
    } else if (slug.startsWith("kube-")) {
      violations.add(new Violation("metadata.name", KUBE_RULE));
    }
    return violations;
  }

  /** Every rule {@code tenant} breaks; empty when a real API server would accept it. */
  public static List<Violation> check(Tenant tenant) {
    return check(Serialization.jsonMapper().valueToTree(tenant));
  }

  /** Every rule the Tenant manifest {@code tenant} breaks; empty when it is valid. */
  public static List<Violation> check(JsonNode tenant) {
    List<Violation> violations = new ArrayList<>(checkSlug(text(tenant.at("/metadata/name"))));
    JsonNode spec = tenant.path("spec");
    if (!spec.isObject()) {
      violations.add(new Violation("spec", "is required"));
      return violations;
    }
    string(spec, "displayName", violations, true, 1, 100, null);
    oneOf(spec, "plan", PLANS, true, violations);
    string(spec, "region", violations, false, 0, 32, REGION);
    oneOf(spec, "deletionPolicy", DELETION_POLICIES, false, violations);
    string(spec, "appVersion", violations, false, 0, Integer.MAX_VALUE, APP_VERSION);
    string(spec, "rolloutVersion", violations, false, 0, Integer.MAX_VALUE, APP_VERSION);
    bool(spec, "suspended", violations);
    JsonNode database = spec.path("database");
    if (!database.isMissingNode() && !database.isNull()) {
      bool(database, "reattachRetained", violations, "spec.database.");
    }
    entitlements(spec.path("entitlements"), violations);
    return violations;
  }

  private static void entitlements(JsonNode entitlements, List<Violation> violations) {
    if (entitlements.isMissingNode() || entitlements.isNull()) {
      return;
    }
    String prefix = "spec.entitlements.";
    nonNegative(entitlements, "seats", prefix, violations);
    nonNegative(entitlements, "gracePeriodDays", prefix, violations);
    JsonNode expiresAt = entitlements.path("expiresAt");
    if (present(expiresAt)
        && (!expiresAt.isTextual() || !EXPIRES_AT.matcher(expiresAt.asText()).matches())) {
      violations.add(new Violation(prefix + "expiresAt", "must be an RFC 3339 date-time"));
    }
    JsonNode status = entitlements.path("licenseStatus");
    if (present(status) && !LICENSE_STATUSES.contains(text(status))) {
      violations.add(
          new Violation(
              prefix + "licenseStatus",
              "must be one of active, grace, expired, suspended, revoked"));
    }
  }

  private static void string(
      JsonNode parent,
      String name,
      List<Violation> violations,
      boolean required,
      int min,
      int max,
      Pattern pattern) {
    JsonNode value = parent.path(name);
    String field = "spec." + name;
    if (!present(value)) {
      if (required) {
        violations.add(new Violation(field, "is required"));
      }
      return;
    }
    String text = text(value);
    if (text == null) {
      violations.add(new Violation(field, "must be a string"));
    } else if (text.length() < min || text.length() > max) {
      violations.add(new Violation(field, "must be " + min + " to " + max + " characters"));
    } else if (pattern != null && !pattern.matcher(text).matches()) {
      violations.add(new Violation(field, "must match " + pattern.pattern()));
    }
  }

  private static void oneOf(
      JsonNode parent, String name, List<String> allowed, boolean required, List<Violation> out) {
    JsonNode value = parent.path(name);
    String field = "spec." + name;
    // A missing required value is reported like a wrong one: the typed model reads both as null.
    if (!present(value) && !required) {
      return;
    }
    if (!present(value) || !allowed.contains(text(value))) {
      out.add(new Violation(field, "must be one of " + String.join(", ", allowed)));
    }
  }

  private static void bool(JsonNode parent, String name, List<Violation> out) {
    bool(parent, name, out, "spec.");
  }

  private static void bool(JsonNode parent, String name, List<Violation> out, String prefix) {
    JsonNode value = parent.path(name);
    if (present(value) && !value.isBoolean()) {
      out.add(new Violation(prefix + name, "must be true or false"));
    }
  }

  private static void nonNegative(
      JsonNode parent, String name, String prefix, List<Violation> out) {
    JsonNode value = parent.path(name);
    if (present(value) && (!value.isIntegralNumber() || value.asLong() < 0)) {
      out.add(new Violation(prefix + name, "must be a whole number of at least 0"));
    }
  }

  private static boolean present(JsonNode value) {
    return !value.isMissingNode() && !value.isNull();
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : null;
  }
}
