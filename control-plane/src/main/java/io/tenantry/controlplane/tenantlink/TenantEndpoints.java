package io.tenantry.controlplane.tenantlink;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.tenants.TenantRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each tenant app is reached: a stored override, else a configured one, else the tenant's
 * in-cluster Service from the URL template.
 */
@ApplicationScoped
public class TenantEndpoints {

  /** Where a tenant is reached and why there. */
  public record Resolved(String slug, URI baseUrl, String source) {}

  static final String STORED = "stored";

  /** {@code <service>.<namespace>.svc}, optionally followed by the cluster domain. */
  private static final Pattern CLUSTER_SERVICE =
      Pattern.compile(
          "[a-z0-9]([a-z0-9-]*[a-z0-9])?\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?\\.svc(\\.cluster\\.local)?");

  static final String CONFIGURED = "configured";
  static final String TEMPLATE = "template";

  private final TenantLinkConfig config;
  private final AuditLog audit;

  TenantEndpoints(TenantLinkConfig config, AuditLog audit) {
    this.config = config;
    this.audit = audit;
  }

  /** The endpoint of one tenant (a database read). */
  @Transactional
  public Resolved resolve(String slug) {
    return resolveAll(List.of(slug)).get(slug);
  }

  /** The endpoint of an existing tenant; 404 problem for an unknown one. */
  @Transactional
  public Resolved describe(String slug) {
    requireTenant(slug);
    return resolve(slug);
  }

  /** The endpoints of {@code slugs}, read in one query. */
  @Transactional
  public Map<String, Resolved> resolveAll(Collection<String> slugs) {
    Map<String, String> stored = new HashMap<>();
    if (!slugs.isEmpty()) {
      TenantEndpoint.<TenantEndpoint>list("slug in ?1", slugs)
          .forEach(e -> stored.put(e.slug, e.internalUrl));
    }
    Map<String, Resolved> resolved = new HashMap<>();
    for (String slug : slugs) {
      resolved.put(slug, at(slug, stored.get(slug)));
    }
    return resolved;
  }

  /**
   * Where {@code slug} is reached given its stored override ({@code stored}, null if none), for a
   * caller that read the override along with the tenant itself: no database read here.
   */
  public Resolved at(String slug, String stored) {
    if (stored != null) {
      return new Resolved(slug, URI.create(stored), STORED);
    }
    String configured = config.endpoints().get(slug);
    if (configured != null) {
      return new Resolved(slug, URI.create(configured), CONFIGURED);
    }
    return new Resolved(slug, URI.create(config.urlTemplate().replace("{slug}", slug)), TEMPLATE);
  }

  /** Stores an override for an existing tenant. */
  @Transactional
  public Resolved store(String slug, String url) {
    requireTenant(slug);
    URI uri = validUrl(url);
    TenantEndpoint endpoint = TenantEndpoint.findById(slug);
    if (endpoint == null) {
      endpoint = new TenantEndpoint();
      endpoint.slug = slug;
      endpoint.internalUrl = uri.toString();
      endpoint.updatedAt = Instant.now();
      endpoint.persist();
    } else {
      endpoint.internalUrl = uri.toString();
      endpoint.updatedAt = Instant.now();
    }
    audit.record(
        AuditEvent.success(
            "tenant.endpoint.stored", slug, slug, Map.of("internalUrl", uri.toString())));
    return new Resolved(slug, uri, STORED);
  }

  /** Removes the stored override; the tenant is reached as configured again. */
  @Transactional
  public Resolved clear(String slug) {
    requireTenant(slug);
    if (TenantEndpoint.deleteById(slug)) {
      audit.record(AuditEvent.success("tenant.endpoint.cleared", slug, slug, Map.of()));
    }
    return at(slug, null);
  }

  /**
   * Service tokens go wherever an override points, so it may not point anywhere: a Service of the
   * cluster by its DNS name, or a host an operator allowed (local runs use 127.0.0.1). Cloud
   * metadata addresses and the control plane's own loopback are neither, unless allowed.
   */
  private boolean allowedHost(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (config.allowedOverrideHosts().orElse(List.of()).stream()
        .anyMatch(allowed -> allowed.equalsIgnoreCase(name))) {
      return true;
    }
    return CLUSTER_SERVICE.matcher(name).matches();
  }

  private static void requireTenant(String slug) {
    if (TenantRecord.findBySlug(slug).isEmpty()) {
      throw ProblemException.notFound("tenant " + slug);
    }
  }

  /**
   * An absolute http(s) URL without credentials, query or fragment: service tokens are sent there,
   * so nothing may hide in it.
   */
  URI validUrl(String url) {
    String rule = "must be an absolute http or https URL without credentials, query or fragment";
    if (url == null || url.isBlank() || url.length() > 2048) {
      throw ProblemException.invalid("internalUrl", rule);
    }
    try {
      URI uri = new URI(url.strip());
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!web
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw ProblemException.invalid("internalUrl", rule);
      }
      if (!allowedHost(uri.getHost())) {
        throw ProblemException.invalid(
            "internalUrl",
            "must name a cluster Service (<name>.<namespace>.svc[.cluster.local]) or a host of"
                + " tenantry.tenant-link.allowed-override-hosts");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ProblemException.invalid("internalUrl", rule);
    }
  }
}
