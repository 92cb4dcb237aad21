package io.tenantry.operator.workflow;

/** Informer label selector: the operator watches only the objects it made. */
public final class Managed {

  public static final String SELECTOR = "app.kubernetes.io/managed-by=tenantry-operator";

  private Managed() {}
}
