package io.tenantry.tenantapp.web;

import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who the current /app request comes from ({@link StaffWebFilter} fills it in) and the checks the
 * pages make: the permission the API would demand, and the session's CSRF token on every write.
 */
@RequestScoped
public class CurrentStaff {

  private SignedIn user;
  private String csrfHeader;

  void set(SignedIn user, String csrfHeader) {
    this.user = user;
    this.csrfHeader = csrfHeader;
  }

  public Optional<SignedIn> user() {
    return Optional.ofNullable(user);
  }

  /** The signed-in staff member; the filter lets no request without one reach a page that asks. */
  public SignedIn signedIn() {
    if (user == null) {
      throw WebRefusal.forbidden("Sign in first.");
    }
    return user;
  }

  /** Refuses the request unless the staff member holds {@code permission}. */
  public SignedIn require(String permission) {
    SignedIn me = signedIn();
    if (!me.can(permission)) {
      throw WebRefusal.forbidden("Your role (" + me.role() + ") may not do this.");
    }
    return me;
  }

  public boolean can(String permission) {
    return user != null && user.can(permission);
  }

  /**
   * Refuses a state-changing request whose form field {@code _csrf} (or, from htmx, header {@code
   * X-CSRF-Token}) is not this session's token.
   */
  public void checkCsrf(String formToken) {
    SignedIn me = signedIn();
    String presented = formToken != null ? formToken : csrfHeader;
    if (presented == null
        || !MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8),
            me.csrf().getBytes(StandardCharsets.UTF_8))) {
      throw WebRefusal.forbidden("The form expired or did not come from this site; try again.");
    }
  }
}
