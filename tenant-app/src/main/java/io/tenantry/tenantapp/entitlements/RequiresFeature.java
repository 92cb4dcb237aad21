package io.tenantry.tenantapp.entitlements;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource (or one of its methods) as available only while the platform's entitlements
 * switch the named feature flag on; {@link EntitlementGuards} answers 403 otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresFeature {

  /** Feature flag key, as in docs/contracts.md ("Feature flags and plans"). */
  String value();
}
