package io.tenantry.controlplane.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** Who is asking and from where, for authorization and the audit log. */
@RequestScoped
public class RequestContext {

  private String requestId = UUID.randomUUID().toString();
  private String clientAddress;
  private UUID userId;
  private String actor;

  public String requestId() {
    return requestId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  /** The signed-in user, or null on public endpoints. */
  public UUID userId() {
    return userId;
  }

  /** The audit actor: the user's email, or {@code anonymous} before sign-in. */
  public String actor() {
    return actor == null ? "anonymous" : actor;
  }

  void begin(String requestId, String clientAddress) {
    if (requestId != null && requestId.matches("[A-Za-z0-9._-]{1,64}")) {
      this.requestId = requestId;
    }
    this.clientAddress = clientAddress;
  }

  public void signedIn(UUID userId, String email) {
    this.userId = userId;
    this.actor = email;
  }
}
