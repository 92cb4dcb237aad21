package io.tenantry.operator.database;

import io.javaoperatorsdk.operator.processing.ResourceIDProvider;
import java.util.Objects;

/**
 * A tenant database on the shared server, owned by the role of the same name. A class, not a
 * record: QOSDK walks the resource type's hierarchy in the Jandex index, which lacks Record.
 */
public final class TenantDatabase implements ResourceIDProvider<String> {

  private final String name;
  private final String owner;

  public TenantDatabase(String name, String owner) {
    this.name = name;
    this.owner = owner;
  }

  public String name() {
    return name;
  }

  public String owner() {
    return owner;
  }

  @Override
  public String resourceId() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TenantDatabase that
        && name.equals(that.name)
        && owner.equals(that.owner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, owner);
  }

  @Override
  public String toString() {
    return "TenantDatabase[" + name + " owned by " + owner + "]";
  }
}
