package io.tenantry.operator.database;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The part of CloudNativePG's {@code Cluster} the operator writes. Typed rather than generic: a
 * generic resource needs API discovery, which JOSDK's dynamic event source registration skips.
 */
@Group("postgresql.cnpg.io")
@Version("v1")
@Kind("Cluster")
@Plural("clusters")
public class CnpgCluster extends CustomResource<CnpgCluster.Spec, Void> implements Namespaced {

  /** {@code spec}: instances, storage and the initial database. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Spec {
    public Integer instances;
    public Storage storage;
    public Bootstrap bootstrap;
  }

  /** {@code spec.storage}. */
  public static class Storage {
    public String size;
  }

  /** {@code spec.bootstrap}. */
  public static class Bootstrap {
    public InitDb initdb;
  }

  /** {@code spec.bootstrap.initdb}: the application database and its owner. */
  public static class InitDb {
    public String database;
    public String owner;
  }
}
