package io.tenantry.tenantapp.identity;

import io.tenantry.tenantapp.memory.GoingIdle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** An idle app does not hash passwords: it lets go of Argon2's block templates (Secrets). */
@ApplicationScoped
class PasswordHashMemory {

  void release(@Observes GoingIdle idle) {
    Secrets.forgetTemplates();
  }
}
