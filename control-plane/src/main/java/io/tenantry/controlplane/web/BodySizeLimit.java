package io.tenantry.controlplane.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tenantry.common.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized request bodies with problem+json. A declared length is refused here, before the
 * HTTP layer's own check (quarkus.http.limits.max-body-size) would answer with an empty 413; a body
 * without a length is cut off while it is read ({@link BodyReadLimit}). The HTTP layer's limit
 * stays as a backstop and must be higher, or its bare 413 would win the race.
 */
@ApplicationScoped
public class BodySizeLimit {

  /** Request size limits. */
  @ConfigMapping(prefix = "tenantry.http")
  public interface Config {
    /** Largest request body the API accepts, in bytes. */
    @WithDefault("65536")
    long maxBodyBytes();
  }

  private final Config config;
  private final MemorySize httpLayerLimit;
  private final ObjectMapper mapper;

  BodySizeLimit(
      Config config,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpLayerLimit,
      ObjectMapper mapper) {
    this.config = config;
    this.httpLayerLimit = httpLayerLimit;
    this.mapper = mapper;
  }

  public long maxBodyBytes() {
    return config.maxBodyBytes();
  }

  void install(@Observes Router router) throws JsonProcessingException {
    if (httpLayerLimit.asLongValue() <= config.maxBodyBytes()) {
      throw new IllegalStateException(
          "quarkus.http.limits.max-body-size must exceed tenantry.http.max-body-bytes");
    }
    Buffer refusal =
        Buffer.buffer(mapper.writeValueAsBytes(Problem.bodyTooLarge(config.maxBodyBytes())));
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
        .handler(rc -> refuseDeclaredOversize(rc, refusal));
  }

  private void refuseDeclaredOversize(RoutingContext rc, Buffer refusal) {
    if (declaredLength(rc) <= config.maxBodyBytes()) {
      rc.next();
      return;
    }
    // The body stays unread, so the connection cannot carry another request.
    rc.response()
        .setStatusCode(413)
        .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaderNames.CONNECTION, "close")
        .end(refusal);
  }

  private static long declaredLength(RoutingContext rc) {
    String length = rc.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
    try {
      return length == null ? -1 : Long.parseLong(length);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
