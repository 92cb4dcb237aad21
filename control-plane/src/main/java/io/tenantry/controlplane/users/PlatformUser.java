package io.tenantry.controlplane.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tenantry.controlplane.access.Caller;
import io.tenantry.controlplane.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A platform admin account. */
@Entity
@Table(name = "platform_users")
public class PlatformUser extends PanacheEntityBase {

  @Id public UUID id;

  public String email;

  @Column(name = "password_hash")
  public String passwordHash;

  public String role;

  public boolean enabled;

  @Column(name = "totp_secret")
  public String totpSecret;

  @Column(name = "totp_enabled")
  public boolean totpEnabled;

  /** Set while the password is one the user did not choose (the bootstrap owner's). */
  @Column(name = "password_change_required")
  public boolean passwordChangeRequired;

  /** Set when an owner reset the user's MFA, until the user enrols a new authenticator. */
  @Column(name = "mfa_enrolment_required")
  public boolean mfaEnrolmentRequired;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public static Optional<PlatformUser> findByEmail(String email) {
    return find("email", normalize(email)).firstResultOptional();
  }

  public static String normalize(String email) {
    return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** This user as the caller of a request, with what access control decides on. */
  public Caller asCaller() {
    return new Caller(id, email, roleEnum(), passwordChangeRequired, mfaEnrolmentRequired);
  }

  public Role roleEnum() {
    return Role.fromValue(role);
  }
}
