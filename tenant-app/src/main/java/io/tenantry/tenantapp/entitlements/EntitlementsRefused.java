package io.tenantry.tenantapp.entitlements;

/** Why a set of entitlements was not applied; the message never contains the token. */
public class EntitlementsRefused extends Exception {

  EntitlementsRefused(String reason) {
    super(reason, null, false, false);
  }
}
