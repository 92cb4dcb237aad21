package io.tenantry.controlplane.signin;

import io.tenantry.controlplane.audit.AuditEvent;
import io.tenantry.controlplane.audit.AuditLog;
import io.tenantry.controlplane.users.PlatformUser;
import io.tenantry.controlplane.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Starts a session and records it in the audit log in one transaction. */
@ApplicationScoped
public class Sessions {

  private final TokenService tokens;
  private final AuditLog audit;
  private final RequestContext request;

  Sessions(TokenService tokens, AuditLog audit, RequestContext request) {
    this.tokens = tokens;
    this.audit = audit;
    this.request = request;
  }

  @Transactional
  public TokenPair start(PlatformUser user) {
    request.signedIn(user.id, user.email);
    TokenPair pair = tokens.issue(user);
    audit.record(
        AuditEvent.success("auth.login", null, user.email, Map.of("mfa", user.totpEnabled)));
    return pair;
  }

  @Transactional
  public void refreshed(PlatformUser user) {
    request.signedIn(user.id, user.email);
    audit.record(AuditEvent.success("auth.refresh", null, user.email, Map.of()));
  }
}
