package io.tenantry.operator.database;

import io.javaoperatorsdk.operator.processing.ResourceIDProvider;
import java.util.Objects;

/**
 * A tenant database on the shared server as the operator sees it: who owns it, whether only that
 * owner may use it, and the state of the role of the same name. Equal to {@link #desired} when
 * nothing needs fixing. A class, not a record: QOSDK walks the resource type's hierarchy in the
 * Jandex index, which lacks Record.
 */
public final class TenantDatabase implements ResourceIDProvider<String> {

  private final String name;
  private final String owner;
  private final boolean isolated;
  private final boolean login;
  private final int connectionLimit;
  private final boolean retained;

  /**
   * @param isolated the ACL grants the owner's privileges to the owner and nothing to anyone else,
   *     and connections are allowed
   * @param login the role of the same name may log in
   * @param connectionLimit that role's CONNECTION LIMIT (-1: none)
   * @param retained marked as retained from a deleted Tenant and not re-attached since
   */
  public TenantDatabase(
      String name,
      String owner,
      boolean isolated,
      boolean login,
      int connectionLimit,
      boolean retained) {
    this.name = name;
    this.owner = owner;
    this.isolated = isolated;
    this.login = login;
    this.connectionLimit = connectionLimit;
    this.retained = retained;
  }

  /** What tenant database {@code name} should be: its own, closed to others, in use. */
  public static TenantDatabase desired(String name, int connectionLimit) {
    return new TenantDatabase(name, name, true, true, connectionLimit, false);
  }

  public String name() {
    return name;
  }

  public String owner() {
    return owner;
  }

  public boolean isolated() {
    return isolated;
  }

  public boolean login() {
    return login;
  }

  public int connectionLimit() {
    return connectionLimit;
  }

  public boolean retained() {
    return retained;
  }

  @Override
  public String resourceId() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TenantDatabase that
        && name.equals(that.name)
        && owner.equals(that.owner)
        && isolated == that.isolated
        && login == that.login
        && connectionLimit == that.connectionLimit
        && retained == that.retained;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, owner, isolated, login, connectionLimit, retained);
  }

  @Override
  public String toString() {
    return "TenantDatabase["
        + name
        + " owned by "
        + owner
        + (isolated ? ", isolated" : ", NOT isolated")
        + (login ? ", login" : ", no login")
        + ", connection limit "
        + connectionLimit
        + (retained ? ", retained" : "")
        + "]";
  }
}
