package io.tenantry.operator.database;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what with one database on the shared server, as PostgreSQL enforces it: the owner and
 * the effective ACL (a NULL {@code datacl} reads as PostgreSQL's default, which lets PUBLIC connect
 * and create temporary tables).
 *
 * @param database the database name
 * @param owner the role that owns it
 * @param allowConnections {@code datallowconn}: false refuses every connection, whatever the ACL
 * @param grants one entry per grantee and privilege
 */
public record DatabaseAcl(
    String database, String owner, boolean allowConnections, List<Grant> grants) {

  /** The grantee name PostgreSQL's {@code aclexplode} reports as role 0. */
  public static final String PUBLIC = "PUBLIC";

  /** The privileges a database owner holds by default: CONNECT, CREATE, TEMPORARY. */
  public static final Set<String> OWNER_PRIVILEGES = Set.of("CONNECT", "CREATE", "TEMPORARY");

  /** {@code privilege} (CONNECT, CREATE or TEMPORARY) held by {@code grantee}. */
  public record Grant(String grantee, String privilege) {}

  public DatabaseAcl {
    grants = List.copyOf(grants);
  }

  /** The roles (or {@link #PUBLIC}) that may connect. */
  public Set<String> mayConnect() {
    return grants.stream()
        .filter(grant -> grant.privilege().equals("CONNECT"))
        .map(Grant::grantee)
        .collect(Collectors.toSet());
  }

  /**
   * The tenant's isolation rule: owned by the role of the same name, which holds exactly the
   * owner's privileges, and nobody else (PUBLIC included) holds any.
   */
  public boolean isolated() {
    return owner.equals(database)
        && grants.stream().allMatch(grant -> grant.grantee().equals(owner))
        && grants.stream()
            .map(Grant::privilege)
            .collect(Collectors.toSet())
            .equals(OWNER_PRIVILEGES);
  }
}
