package io.tenantry.operator.config;

/** The resources one plan buys: namespace quota, container defaults and database size. */
public interface PlanTier {

  /** Sum of CPU requests in the namespace, e.g. {@code 1}. */
  String requestsCpu();

  /** Sum of memory requests in the namespace, e.g. {@code 1Gi}. */
  String requestsMemory();

  /** Sum of CPU limits in the namespace. */
  String limitsCpu();

  /** Sum of memory limits in the namespace. */
  String limitsMemory();

  /** Sum of ephemeral-storage requests in the namespace. */
  String requestsEphemeralStorage();

  /** Sum of ephemeral-storage limits in the namespace. */
  String limitsEphemeralStorage();

  /** Ephemeral-storage request of the tenant app container (and the LimitRange default). */
  String appEphemeralStorageRequest();

  /**
   * Ephemeral-storage limit of the tenant app container (and the LimitRange default), also the
   * sizeLimit of its emptyDir: /tmp can never take more than the container may use at all.
   */
  String appEphemeralStorageLimit();

  /** CPU request of the tenant app container (also the LimitRange default request). */
  String appCpuRequest();

  /** CPU limit of the tenant app container (also the LimitRange default limit). */
  String appCpuLimit();

  /** Memory request of the tenant app container. */
  String appMemoryRequest();

  /** Memory limit of the tenant app container. */
  String appMemoryLimit();

  /** Maximum pods. */
  int pods();

  /** Maximum services. */
  int services();

  /** Maximum secrets. */
  int secrets();

  /** Maximum config maps. */
  int configmaps();

  /** Maximum persistent volume claims. */
  int pvcs();

  /** Sum of storage requests. */
  String storage();

  /**
   * Connections the tenant's database role may hold at once on the shared server (its {@code
   * CONNECTION LIMIT}): at least two app pods' pools during a rolling update, plus a few for tools.
   */
  int databaseConnectionLimit();

  /** CloudNativePG instances (cloudnative-pg mode). */
  int cnpgInstances();

  /** CloudNativePG volume size per instance (cloudnative-pg mode). */
  String cnpgStorage();
}
