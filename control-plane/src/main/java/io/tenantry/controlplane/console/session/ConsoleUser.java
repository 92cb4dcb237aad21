package io.tenantry.controlplane.console.session;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.BrowserAuthenticator;
import io.tenantry.controlplane.access.Caller;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.users.PlatformUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Who the current console request comes from, set by {@link ConsoleGuard}. Templates read it as
 * {@code inject:me} to show the user and to hide the controls their role may not use.
 */
@RequestScoped
@Named("me")
public class ConsoleUser implements BrowserAuthenticator {

  private PlatformUser user;
  private String csrfToken;

  void signedIn(PlatformUser user, String csrfToken) {
    this.user = user;
    this.csrfToken = csrfToken;
  }

  @Override
  public Caller authenticate() {
    if (user == null) {
      throw ProblemException.unauthorized("authentication-required", "sign in to the console");
    }
    return user.asCaller();
  }

  public boolean isSignedIn() {
    return user != null;
  }

  public PlatformUser user() {
    return user;
  }

  /** The user's id as the user views show it, or empty when signed out. */
  public String getId() {
    return user == null ? "" : user.id.toString();
  }

  public String getEmail() {
    return user == null ? "" : user.email;
  }

  public String getRole() {
    return user == null ? "" : user.role;
  }

  public String getCsrf() {
    return csrfToken == null ? "" : csrfToken;
  }

  /** Whether the user's role grants {@code permission}: templates show write controls by it. */
  public boolean can(String permission) {
    Role role = user == null ? null : user.roleEnum();
    return role != null && role.grants(permission);
  }
}
