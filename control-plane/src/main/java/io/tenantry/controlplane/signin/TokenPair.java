package io.tenantry.controlplane.signin;

/**
 * What a successful login, refresh or password change returns.
 *
 * @param passwordChangeRequired the account still has a password it did not choose (the bootstrap
 *     owner's one-time password) and should change it with {@code POST /api/v1/auth/password}
 */
public record TokenPair(
    String accessToken,
    String tokenType,
    long expiresIn,
    String refreshToken,
    boolean passwordChangeRequired) {}
