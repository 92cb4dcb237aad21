package io.tenantry.controlplane.signin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A single-use MFA recovery code, stored hashed. */
@Entity
@Table(name = "recovery_codes")
public class RecoveryCode extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "user_id")
  public UUID userId;

  @Column(name = "code_hash")
  public String codeHash;

  @Column(name = "used_at")
  public Instant usedAt;

  /** Codes are shown grouped with dashes and may be typed in any case. */
  static String normalize(String code) {
    return code.replace("-", "").strip().toUpperCase(Locale.ROOT);
  }
}
