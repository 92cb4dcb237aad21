package io.tenantry.local.ingress;

import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A hosts file for the platform's own JVMs ({@code -Djdk.net.hosts.file}): every Service's cluster
 * DNS name resolves to loopback, where the local ingress routes it by Host header. So the control
 * plane calls {@code tenant-app.tenant-<slug>.svc.cluster.local} as it does in a cluster. The JDK
 * then resolves only names in this file, so it also lists {@code localhost} and the fixed hosts the
 * services need (with their addresses resolved when the file is written).
 */
public final class HostsFile {

  private final Path file;
  private final Map<String, String> fixed;
  private String written = "";

  /** {@code fixed}: host name → address, always listed. */
  public HostsFile(Path file, Map<String, String> fixed) {
    this.file = file;
    this.fixed = Map.copyOf(fixed);
  }

  public Path path() {
    return file;
  }

  /** Rewrites the file (atomically) when the Services changed. */
  public synchronized void update(Collection<Service> services) {
    String content = render(services);
    if (content.equals(written)) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".hosts", "");
      Files.writeString(temporary, content);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      written = content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String render(Collection<Service> services) {
    StringBuilder hosts = new StringBuilder("# written by the Tenantry local run\n");
    hosts.append("127.0.0.1 localhost\n::1 localhost\n");
    new java.util.TreeMap<>(fixed)
        .forEach((name, address) -> hosts.append(address).append(' ').append(name).append('\n'));
    TreeSet<String> names = new TreeSet<>();
    for (Service service : services) {
      String name = service.getMetadata().getName();
      String namespace = service.getMetadata().getNamespace();
      names.addAll(
          List.of(
              name + "." + namespace + ".svc.cluster.local",
              name + "." + namespace + ".svc",
              name + "." + namespace));
    }
    names.forEach(name -> hosts.append("127.0.0.1 ").append(name).append('\n'));
    return hosts.toString();
  }
}
