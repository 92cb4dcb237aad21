package io.tenantry.controlplane.signin;

/** What a successful login or refresh returns. */
public record TokenPair(
    String accessToken, String tokenType, long expiresIn, String refreshToken) {}
