package io.tenantry.controlplane.access;

/**
 * Says who a browser console request comes from; the console implements it with its own server-side
 * sessions, so that the API's bearer authentication never accepts a cookie.
 */
public interface BrowserAuthenticator {

  /** The caller of the current console request; a 401 problem when it has no valid session. */
  Caller authenticate();
}
