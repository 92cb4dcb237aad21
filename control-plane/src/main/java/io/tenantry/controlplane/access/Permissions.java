package io.tenantry.controlplane.access;

/** Permission names, {@code platform:<area>:<verb>}. */
public final class Permissions {

  public static final String TENANTS_READ = "platform:tenants:read";
  public static final String TENANTS_WRITE = "platform:tenants:write";
  public static final String LICENSES_READ = "platform:licenses:read";
  public static final String LICENSES_WRITE = "platform:licenses:write";
  public static final String FLAGS_READ = "platform:flags:read";
  public static final String FLAGS_WRITE = "platform:flags:write";
  public static final String USERS_READ = "platform:users:read";
  public static final String USERS_WRITE = "platform:users:write";
  public static final String AUDIT_READ = "platform:audit:read";
  public static final String AUDIT_EXPORT = "platform:audit:export";
  public static final String AUDIT_VERIFY = "platform:audit:verify";
  public static final String SEARCH_READ = "platform:search:read";
  public static final String ROLLOUTS_READ = "platform:rollouts:read";
  public static final String ROLLOUTS_WRITE = "platform:rollouts:write";

  private Permissions() {}
}
