package io.tenantry.local.ingress;

import java.util.List;
import java.util.Map;

/** Where the ready replicas behind a Service selector listen (the local runner knows). */
@FunctionalInterface
public interface Backends {

  /**
   * Local ports of the ready replicas in {@code namespace} whose labels include {@code selector}.
   */
  List<Integer> readyPorts(String namespace, Map<String, String> selector);
}
