package io.tenantry.controlplane.tenantlink;

import java.time.Duration;

/**
 * A call to a tenant app that did not produce a usable answer. {@code reason} is short and safe to
 * show to platform admins: it never holds a token, a URL or the text of the tenant's response.
 */
public class TenantLinkException extends RuntimeException {

  /** Whether the tenant was too slow or answered wrongly / not at all. */
  public enum Kind {
    TIMEOUT,
    ERROR
  }

  private final Kind kind;

  TenantLinkException(Kind kind, String reason, Throwable cause) {
    super(reason, cause, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public String reason() {
    return getMessage();
  }

  static TenantLinkException timeout(Duration after) {
    return new TenantLinkException(
        Kind.TIMEOUT, "no answer within " + after.toMillis() + " ms", null);
  }

  static TenantLinkException error(String reason) {
    return new TenantLinkException(Kind.ERROR, reason, null);
  }

  static TenantLinkException error(String reason, Throwable cause) {
    return new TenantLinkException(Kind.ERROR, reason, cause);
  }
}
