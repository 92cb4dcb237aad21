package io.tenantry.operator.support;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.HttpURLConnection;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Fabric8's CRUD dispatcher with an index by name and namespace for the lookups by name: the one
 * every create, patch and update makes ("does this object exist?") and a GET of one object by name
 * (the operator reads its Secrets and RoleBinding so, several per reconcile).
 *
 * <p>The stock lookup compares the attributes of every stored object, so a create costs time in
 * proportion to everything stored: at 1000 tenants (16 000 objects) the mock server, not the
 * operator, was 80 % of a profile of the scale benchmark. A real API server finds an object by its
 * key. Stored data, responses and watch events are Fabric8's own; the index only narrows which
 * stored objects the stock {@code matches} is asked about. It is filled whenever Fabric8 stores an
 * object and drops keys Fabric8 no longer holds (deletes) when it meets them.
 */
public class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

  private static final String NAME = "name";
  private static final String NAMESPACE = "namespace";
  private static final String CLUSTER = "";

  /** name attribute → namespace ("" for cluster-scoped) → keys stored under that name. */
  private final Map<Attribute, Map<String, Set<AttributeSet>>> byName = new HashMap<>();

  @Override
  public synchronized Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    Attribute name = query.getAttribute(NAME);
    if (name == null || name.getType() != AttributeType.WITH) {
      return super.findResource(query);
    }
    Map<String, Set<AttributeSet>> namespaces = byName.getOrDefault(name, Map.of());
    Attribute namespace = query.getAttribute(NAMESPACE);
    Stream<Set<AttributeSet>> candidates =
        namespace != null && namespace.getType() == AttributeType.WITH
            ? Stream.ofNullable(namespaces.get(namespaceOf(query)))
            : namespaces.values().stream();
    return candidates
        .map(keys -> find(keys, query))
        .flatMap(Optional::stream)
        .findFirst()
        .orElse(null);
  }

  /**
   * A GET of one object by name through the index; lists and watches as Fabric8 answers them. Same
   * answer as the stock GET: the stored object, or 404 without a body.
   */
  @Override
  public MockResponse handleGet(String path) {
    if (path.contains("watch=true")) {
      return super.handleGet(path);
    }
    AttributeSet query = attributeExtractor.fromPath(path);
    Attribute name = query.getAttribute(NAME);
    if (name == null || name.getType() != AttributeType.WITH) {
      return super.handleGet(path);
    }
    // findResource is synchronized like processEvent, through which every change of the store goes.
    Map.Entry<AttributeSet, String> found = findResource(query);
    return found == null
        ? new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
        : new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(found.getValue());
  }

  @Override
  public synchronized void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (newState != null) {
      index(storedKey(pathAttributes, resource, newState));
    }
  }

  @Override
  public synchronized void reset() {
    super.reset();
    byName.clear();
  }

  /** The key Fabric8's processEvent stores the object under (same steps, same order). */
  private AttributeSet storedKey(
      AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key =
        resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    return key.containsKey("plural") ? key : AttributeSet.merge(pathAttributes, key);
  }

  private void index(AttributeSet key) {
    Attribute name = key.getAttribute(NAME);
    if (name != null) {
      byName
          .computeIfAbsent(name, n -> new HashMap<>())
          .computeIfAbsent(namespaceOf(key), ns -> new LinkedHashSet<>())
          .add(key);
    }
  }

  private Optional<Map.Entry<AttributeSet, String>> find(
      Set<AttributeSet> keys, AttributeSet query) {
    for (Iterator<AttributeSet> it = keys.iterator(); it.hasNext(); ) {
      AttributeSet key = it.next();
      String stored = map.get(key);
      if (stored == null) {
        it.remove(); // deleted since it was indexed
      } else if (key.matches(query)) {
        return Optional.of(new AbstractMap.SimpleImmutableEntry<>(key, stored));
      }
    }
    return Optional.empty();
  }

  private static String namespaceOf(AttributeSet attributes) {
    Attribute namespace = attributes.getAttribute(NAMESPACE);
    return namespace == null ? CLUSTER : namespace.getValues().get(0).toString();
  }
}
