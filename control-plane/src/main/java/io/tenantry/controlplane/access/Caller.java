package io.tenantry.controlplane.access;

import java.util.UUID;

/**
 * The signed-in, enabled platform user a request comes from.
 *
 * @param passwordChangeRequired the account still has a password it did not choose (the bootstrap
 *     owner's one-time password): until it is changed, only self-service endpoints are open
 * @param mfaEnrolmentRequired an owner reset the user's MFA: until they enrol again, only
 *     self-service endpoints (enrolment among them) are open to them
 */
public record Caller(
    UUID id,
    String email,
    Role role,
    boolean passwordChangeRequired,
    boolean mfaEnrolmentRequired) {}
