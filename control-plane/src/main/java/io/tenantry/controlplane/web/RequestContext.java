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
  private boolean http;

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

  /**
   * The audit actor: the user's email, {@code anonymous} in an HTTP request before sign-in, the
   * job's name in a scheduled job, and {@code system} in any other work without a request.
   */
  public String actor() {
    if (actor != null) {
      return actor;
    }
    return http ? "anonymous" : "system";
  }

  /** A scheduled job names itself, so what it changes is audited under its name. */
  public void actingAs(String job) {
    this.actor = job;
  }

  void begin(String requestId, String clientAddress) {
    if (requestId != null && requestId.matches("[A-Za-z0-9._-]{1,64}")) {
      this.requestId = requestId;
    }
    this.clientAddress = clientAddress;
    this.http = true;
  }

  public void signedIn(UUID userId, String email) {
    this.userId = userId;
    this.actor = email;
  }
}
