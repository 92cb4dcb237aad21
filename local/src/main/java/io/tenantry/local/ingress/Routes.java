package io.tenantry.local.ingress;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Finds the Service a request is for: by an Ingress rule for its host and path (the tenant URL), or
 * by the Service's own cluster DNS name ({@code <service>.<namespace>.svc.cluster.local}, which the
 * control plane calls).
 */
final class Routes {

  private static final String CLUSTER_SUFFIX = ".svc.cluster.local";

  /** The Service a request goes to, and whether it came through an Ingress rule. */
  record Target(String namespace, String service, boolean viaIngress) {}

  private Routes() {}

  static Optional<Target> find(
      String host,
      String path,
      Collection<Ingress> ingresses,
      BiFunction<String, String, Service> services) {
    String name = hostOnly(host);
    for (Ingress ingress : ingresses) {
      for (IngressRule rule : ingress.getSpec().getRules()) {
        if (rule.getHost() == null
            || !rule.getHost().equalsIgnoreCase(name)
            || rule.getHttp() == null) {
          continue;
        }
        Optional<HTTPIngressPath> match = longestPrefix(rule.getHttp().getPaths(), path);
        if (match.isPresent() && match.get().getBackend().getService() != null) {
          return Optional.of(
              new Target(
                  ingress.getMetadata().getNamespace(),
                  match.get().getBackend().getService().getName(),
                  true));
        }
      }
    }
    return serviceByDns(name, services);
  }

  private static Optional<Target> serviceByDns(
      String host, BiFunction<String, String, Service> services) {
    String name =
        host.endsWith(CLUSTER_SUFFIX)
            ? host.substring(0, host.length() - CLUSTER_SUFFIX.length())
            : host.endsWith(".svc") ? host.substring(0, host.length() - 4) : host;
    String[] parts = name.split("\\.");
    if (parts.length != 2 || services.apply(parts[1], parts[0]) == null) {
      return Optional.empty();
    }
    return Optional.of(new Target(parts[1], parts[0], false));
  }

  private static Optional<HTTPIngressPath> longestPrefix(List<HTTPIngressPath> paths, String path) {
    return paths.stream()
        .filter(p -> matches(p, path))
        .max((a, b) -> Integer.compare(length(a), length(b)));
  }

  private static boolean matches(HTTPIngressPath candidate, String path) {
    String prefix = candidate.getPath() == null ? "/" : candidate.getPath();
    if ("Exact".equals(candidate.getPathType())) {
      return path.equals(prefix);
    }
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return trimmed.isEmpty() || path.equals(trimmed) || path.startsWith(trimmed + "/");
  }

  private static int length(HTTPIngressPath path) {
    return path.getPath() == null ? 0 : path.getPath().length();
  }

  static String hostOnly(String host) {
    if (host == null) {
      return "";
    }
    int colon = host.lastIndexOf(':');
    String name = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    return name.toLowerCase(Locale.ROOT);
  }
}
