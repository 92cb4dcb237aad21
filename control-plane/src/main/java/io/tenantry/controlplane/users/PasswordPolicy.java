package io.tenantry.controlplane.users;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The rules for every password a platform user sets, when created or changed: not blank, 12 to 1024
 * characters, not easily guessed ({@link GuessablePasswords}). Each broken rule is reported on its
 * own, with its own message.
 */
@NotBlank
@Size(min = 12, max = 1024, message = PasswordPolicy.LENGTH_RULE)
@Constraint(validatedBy = GuessablePasswords.class)
@Documented
@Retention(RUNTIME)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
public @interface PasswordPolicy {
  /** Shown beside the field as it is ("newPassword: …"), so it reads as words, not bounds. */
  String LENGTH_RULE = "must be at least 12 characters and at most 1024";

  String message() default GuessablePasswords.RULE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
