package io.tenantry.operator.workflow;

/**
 * The names of the tenant workflow's dependents. The workflow declares them, the observer and the
 * status aggregator look failures up by them: one constant each, so a rename reaches all three.
 */
public final class Dependents {

  public static final String NAMESPACE = "namespace";
  public static final String OPERATOR_ACCESS = "operator-access";
  public static final String QUOTA = "quota";
  public static final String LIMITS = "limits";
  public static final String DEFAULT_DENY = "default-deny";
  public static final String SAME_NAMESPACE = "same-namespace";
  public static final String APP_INGRESS = "app-ingress";
  public static final String EGRESS = "egress";
  public static final String CNPG_POLICY = "cnpg-policy";
  public static final String SERVICE_ACCOUNT = "service-account";
  public static final String DB_CREDENTIALS = "db-credentials";
  public static final String DATABASE = "database";
  public static final String CNPG_CLUSTER = "cnpg-cluster";
  public static final String SIGNING_KEY = "signing-key";
  public static final String FIRST_ADMIN = "first-admin";
  public static final String ENTITLEMENTS = "entitlements";
  public static final String DEPLOYMENT = "deployment";
  public static final String SERVICE = "service";
  public static final String INGRESS = "ingress";

  private Dependents() {}
}
