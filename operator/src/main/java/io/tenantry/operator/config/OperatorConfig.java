package io.tenantry.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything an installation decides about the stacks the operator stamps out. */
@ConfigMapping(prefix = "tenantry.operator")
public interface OperatorConfig {

  /** DNS zone tenants are served under: a tenant's host is {@code <slug>.<base-domain>}. */
  @WithDefault("tenants.tenantry.io")
  String baseDomain();

  /** Names no tenant may take, because they collide with platform hosts or namespaces. */
  @WithDefault("www,api,admin,app,platform,status,system,mail")
  List<String> reservedSlugs();

  /** The PEM public key the tenant app verifies platform tokens with; omitted when unset. */
  Optional<String> platformPublicKey();

  /** How tenant apps are exposed. */
  Ingress ingress();

  /** The tenant app image. */
  App app();

  /** Where tenant databases live. */
  Database database();

  /** Peers of the tenant network policies. */
  NetworkConfig network();

  /** Resource tiers by plan wire value ({@code free}, {@code starter}, …). */
  Map<String, PlanTier> plans();

  /** How replicas agree on the one that reconciles (active in the prod profile only). */
  LeaderElection leaderElection();

  /** How fleet rollouts judge a tenant's health. */
  Rollout rollout();

  /** How fleet rollouts judge a tenant's health and how often they look again. */
  interface Rollout {
    /**
     * Where a tenant app's Prometheus metrics are read during soak; {@code {tenant}} is replaced by
     * the slug. The tenant namespace's app-ingress policy must let the operator reach it.
     */
    @WithDefault("http://tenant-app.tenant-{tenant}.svc:8080/q/metrics")
    String signalsUrl();

    /** How long one metrics read may take before it counts as no signal. */
    @WithDefault("2s")
    Duration signalsTimeout();

    /**
     * How long a tenant may take to run the new version after its rolloutVersion was written before
     * it fails (the Deployment's own progress deadline usually reports sooner).
     */
    @WithDefault("10m")
    Duration updateTimeout();

    /** How often a soaking tenant's signals are read again. */
    @WithDefault("15s")
    Duration recheckInterval();
  }

  /** The operator's own rights inside each tenant namespace. */
  Access access();

  /**
   * The RoleBinding the operator stamps first in every tenant namespace: its own ServiceAccount
   * bound to the one ClusterRole (installed by the chart) that holds its rights inside a tenant
   * namespace. Cluster-wide, the operator may create RoleBindings but bind only that ClusterRole.
   */
  interface Access {
    /** The ClusterRole bound in each tenant namespace. */
    @WithDefault("tenantry-tenant-stack")
    String clusterRole();

    /** The operator's ServiceAccount, the binding's subject. */
    @WithDefault("tenantry-operator")
    String serviceAccount();

    /** Namespace of that ServiceAccount (the release namespace). */
    @WithDefault("tenantry-system")
    String serviceAccountNamespace();
  }

  /**
   * The Lease the operator's replicas compete for: only its holder reconciles, the others keep
   * their caches warm and take over within a lease duration once it stops renewing.
   */
  interface LeaderElection {
    /** Name of the Lease. */
    @WithDefault("tenantry-operator")
    String leaseName();

    /** Namespace of the Lease (the operator's own); the client's namespace when unset. */
    Optional<String> leaseNamespace();

    /** How long a Lease not renewed stays the holder's: the longest takeover after a crash. */
    @WithDefault("15s")
    Duration leaseDuration();

    /** How long the holder keeps trying to renew before it gives up leading (and exits). */
    @WithDefault("10s")
    Duration renewDeadline();

    /** How often the others try to acquire the Lease. */
    @WithDefault("2s")
    Duration retryPeriod();
  }

  /** How tenant apps are exposed. */
  interface Ingress {
    /** IngressClass every tenant Ingress uses. */
    @WithDefault("nginx")
    String className();

    /** Annotation that asks cert-manager for the TLS certificate. */
    @WithDefault("cert-manager.io/cluster-issuer")
    String issuerAnnotation();

    /** Value of the issuer annotation: the ClusterIssuer that signs tenant certificates. */
    @WithDefault("letsencrypt")
    String clusterIssuer();

    /**
     * Scheme of the tenant URL in {@code status.url}: {@code http} where nothing terminates TLS.
     */
    @WithDefault("https")
    String urlScheme();

    /** Port of the tenant URL when the ingress does not listen on the scheme's default port. */
    Optional<Integer> urlPort();
  }

  /** The tenant app image. */
  interface App {
    /** Image repository without tag. */
    @WithDefault("ghcr.io/tenantry/tenant-app")
    String imageRepository();

    /**
     * Tag used when a Tenant has neither {@code spec.appVersion} nor {@code spec.rolloutVersion}.
     */
    @WithDefault("0.1.0")
    String defaultTag();
  }

  /** Where tenant databases live. */
  interface Database {
    /** {@code shared-server} (a database per tenant on one server) or {@code cloudnative-pg}. */
    @WithDefault("shared-server")
    DatabaseMode mode();

    /** The shared server ({@code shared-server} mode). */
    SharedServer sharedServer();

    /** CloudNativePG settings ({@code cloudnative-pg} mode). */
    Cnpg cnpg();

    /** True in {@code cloudnative-pg} mode. */
    default boolean cloudNativePg() {
      return mode() == DatabaseMode.CLOUDNATIVE_PG;
    }
  }

  /** The shared PostgreSQL server and the admin credential the operator uses on it. */
  interface SharedServer {
    /** Host name tenant apps and the operator connect to. */
    @WithDefault("postgres.tenantry-data.svc")
    String host();

    /** Server port. */
    @WithDefault("5432")
    int port();

    /** Namespace the server runs in; tenant egress to the database is allowed only there. */
    @WithDefault("tenantry-data")
    String namespace();

    /** Maintenance database the operator connects to for CREATE/DROP DATABASE. */
    @WithDefault("postgres")
    String adminDatabase();

    /**
     * Role the operator connects as: CREATEDB and CREATEROLE, not a superuser (docs/operations.md).
     */
    @WithDefault("tenantry_operator")
    String adminUser();

    /**
     * {@code password} (the admin password from its Secret or Vault, refused when empty) or {@code
     * trust} (no password: only for a server that trusts the operator, as in local runs).
     */
    @WithDefault("password")
    AdminAuth adminAuth();

    /** The Secret holding the admin password. */
    AdminSecret adminPasswordSecret();

    /** Vault KV v2 entry holding the admin password; when its address is set it wins. */
    AdminVault adminPasswordVault();

    /** How long a connection attempt may take before the server counts as unreachable. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Admin sessions kept open between uses instead of a new session per database step; 0 opens a
     * new one each time.
     */
    @WithDefault("10")
    int idleAdminSessions();

    /**
     * How long an admin session is used at most: a rotated or revoked admin credential stops being
     * used within this time.
     */
    @WithDefault("1m")
    Duration adminSessionMaxAge();

    /**
     * How long an admin session may sit idle before the server ends it (PostgreSQL 14 and later:
     * {@code idle_session_timeout}), so that sessions kept for reuse do not hold server connections
     * once the operator is quiet.
     */
    @WithDefault("10s")
    Duration adminSessionIdleTimeout();

    /** How often the operator re-checks each tenant database, its owner, ACL and role. */
    @WithDefault("10m")
    Duration pollPeriod();

    /**
     * Databases of the server no tenant role may connect to; the operator reports at start-up when
     * PUBLIC still may (the install step revokes it).
     */
    @WithDefault("postgres,template1")
    List<String> maintenanceDatabases();

    /**
     * Pre-created databases new tenants claim, so provisioning does not wait on CREATE DATABASE.
     */
    Pool pool();
  }

  /** The pool of pre-created, unowned databases ({@code tenantry_pool_<random>}). */
  interface Pool {
    /** How many unclaimed databases the operator keeps ready; 0 turns the pool off. */
    @WithDefault("5")
    int size();

    /** Sessions that create pool databases at once while refilling. */
    @WithDefault("2")
    int refillSessions();

    /**
     * How long claims must pause before the pool is topped up, so that a burst of new tenants is
     * not slowed by the server creating databases meanwhile; once fewer than a quarter of {@link
     * #size} are left the pool is topped up at once.
     */
    @WithDefault("5s")
    Duration refillDelay();

    /** How often the pool is checked and topped up besides after each claim. */
    @WithDefault("1m")
    Duration checkPeriod();
  }

  /** Reference to the admin password Secret. */
  interface AdminSecret {
    /** Secret name. */
    Optional<String> name();

    /** Namespace of the Secret. */
    @WithDefault("tenantry-system")
    String namespace();

    /** Key in the Secret's data. */
    @WithDefault("password")
    String key();
  }

  /** Where in Vault (KV v2) the admin password lives. */
  interface AdminVault {
    /**
     * Vault address, e.g. {@code https://vault.tenantry-system.svc:8200}; Vault is off if unset.
     */
    Optional<String> address();

    /** Vault token; takes precedence over {@code token-file}. */
    Optional<String> token();

    /** File holding the Vault token (e.g. written by the Vault agent), read at each lookup. */
    Optional<Path> tokenFile();

    /** Mount path of the KV v2 secrets engine. */
    @WithDefault("secret")
    String mount();

    /** Path of the entry inside the mount. */
    @WithDefault("tenantry/postgres-admin")
    String path();

    /** Key of the password in the entry's data. */
    @WithDefault("password")
    String key();

    /** How long connecting to and reading from Vault may take. */
    @WithDefault("5s")
    Duration timeout();

    /** True when the admin password comes from Vault. */
    default boolean enabled() {
      return address().isPresent();
    }
  }

  /** CloudNativePG mode. */
  interface Cnpg {
    /** Namespace of the CloudNativePG operator, which must reach instance pods on 8000 and 5432. */
    @WithDefault("cnpg-system")
    String operatorNamespace();
  }
}
