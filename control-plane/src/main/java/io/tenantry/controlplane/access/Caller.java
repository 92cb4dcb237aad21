package io.tenantry.controlplane.access;

import java.util.UUID;

/**
 * The signed-in, enabled platform user a request comes from.
 *
 * @param mfaEnrolmentRequired an owner reset the user's MFA: until they enrol again, only
 *     self-service endpoints (enrolment among them) are open to them
 */
public record Caller(UUID id, String email, Role role, boolean mfaEnrolmentRequired) {}
