package io.tenantry.controlplane.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resource classes of the browser console: their caller comes from the session cookie
 * ({@link BrowserAuthenticator}), never from a bearer token, and every other rule of {@link
 * AccessGuard} (public, self-service, permissions, audited refusals) applies unchanged.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BrowserSession {}
