package io.tenantry.controlplane.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when well-formed) and records the
 * client address; Vert.x resolves forwarded headers when proxy forwarding is configured.
 */
public class RequestContextFilter {

  static final String REQUEST_ID = "X-Request-Id";

  private final RequestContext context;

  RequestContextFilter(RequestContext context) {
    this.context = context;
  }

  @ServerRequestFilter(preMatching = true)
  public void begin(HttpServerRequest request) {
    String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    context.begin(request.getHeader(REQUEST_ID), address);
  }

  @ServerResponseFilter
  public void echo(ContainerResponseContext response) {
    response.getHeaders().putSingle(REQUEST_ID, context.requestId());
  }
}
