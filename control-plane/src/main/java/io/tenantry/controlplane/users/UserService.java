package io.tenantry.controlplane.users;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.access.Role;
import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Platform user management. */
@ApplicationScoped
public class UserService {

  /**
   * A user as the API shows it; never the password hash or TOTP secret.
   *
   * @param mfaEnrolmentRequired an owner reset the user's MFA and the user has not enrolled again
   */
  public record UserView(
      String id,
      String email,
      String role,
      boolean enabled,
      boolean mfa,
      boolean mfaEnrolmentRequired) {
    public static UserView of(PlatformUser u) {
      return new UserView(
          u.id.toString(), u.email, u.role, u.enabled, u.totpEnabled, u.mfaEnrolmentRequired);
    }
  }

  private final AuditLog audit;

  UserService(AuditLog audit) {
    this.audit = audit;
  }

  @Transactional
  public List<UserView> list() {
    return PlatformUser.<PlatformUser>listAll(io.quarkus.panache.common.Sort.by("email")).stream()
        .map(UserView::of)
        .toList();
  }

  @Transactional
  public UserView create(UserRequests.Create request) {
    String email = PlatformUser.normalize(request.email());
    if (PlatformUser.findByEmail(email).isPresent()) {
      throw ProblemException.conflict("user-exists", "a user with this email already exists");
    }
    PlatformUser user = newUser(email, request.password(), Role.fromValue(request.role()));
    audit.record(
        AuditEvent.success(
            "user.create",
            null,
            user.id.toString(),
            Map.of("email", email, "role", user.role, "password", request.password())));
    return UserView.of(user);
  }

  @Transactional
  public UserView update(UUID id, UserRequests.Update request) {
    PlatformUser user = PlatformUser.findById(id);
    if (user == null) {
      throw ProblemException.notFound("user " + id);
    }
    boolean losesOwnership =
        Role.OWNER.value().equals(user.role)
            && ((request.role() != null && !Role.OWNER.value().equals(request.role()))
                || Boolean.FALSE.equals(request.enabled()));
    if (losesOwnership && PlatformUser.count("role = ?1 and enabled", user.role) <= 1) {
      throw ProblemException.conflict(
          "last-owner", "the platform needs at least one enabled owner");
    }
    Map<String, Object> changes = new HashMap<>();
    if (request.role() != null) {
      user.role = request.role();
      changes.put("role", request.role());
    }
    if (request.enabled() != null) {
      user.enabled = request.enabled();
      changes.put("enabled", request.enabled());
    }
    user.updatedAt = Instant.now();
    audit.record(AuditEvent.success("user.update", null, user.id.toString(), changes));
    return UserView.of(user);
  }

  /** Creates a user without auditing; callers record why it was created. */
  @Transactional(Transactional.TxType.MANDATORY)
  public PlatformUser newUser(String email, String password, Role role) {
    PlatformUser user = new PlatformUser();
    user.id = UUID.randomUUID();
    user.email = PlatformUser.normalize(email);
    user.passwordHash = PasswordHasher.hash(password);
    user.role = role.value();
    user.enabled = true;
    user.createdAt = Instant.now();
    user.updatedAt = user.createdAt;
    user.persist();
    return user;
  }
}
