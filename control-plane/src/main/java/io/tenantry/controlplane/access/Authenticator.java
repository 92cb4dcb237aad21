package io.tenantry.controlplane.access;

/**
 * Says who a request comes from. Sign-in implements it (it owns tokens and accounts), so access
 * control decides what a caller may do without knowing how callers prove who they are.
 */
public interface Authenticator {

  /**
   * The caller an {@code Authorization} header names; a 401 problem when it is missing, invalid,
   * expired or names a disabled account.
   */
  Caller authenticate(String authorization);
}
