package io.tenantry.tenantapp.web;

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
import jakarta.inject.Provider;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an overlong request target with a problem+json 414 and a body of declared oversize with a
 * problem+json 413, before anything parses them, as the control plane does. A body without a length
 * (chunked) is cut off while it is read ({@link BodyReadLimit}). The HTTP layer's own limits
 * (quarkus.http.limits.*) stay as backstops above these: their bare answers carry no problem.
 */
@ApplicationScoped
public class RequestLimits {

  /** Request size limits. */
  @ConfigMapping(prefix = "tenantry.tenant.http")
  public interface Config {
    /** Largest request body the API and the forms accept, in bytes. */
    @WithDefault("262144")
    long maxBodyBytes();

    /** Longest request target (path and query) accepted, in characters. */
    @WithDefault("8192")
    int maxUriLength();
  }

  private final Config config;
  private final MemorySize httpBodyLimit;
  private final int httpLineLimit;
  private final Provider<ObjectMapper> mapper;
  private volatile Buffer uriTooLong;
  private volatile Buffer bodyTooLarge;

  RequestLimits(
      Config config,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpBodyLimit,
      @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int httpLineLimit,
      Provider<ObjectMapper> mapper) {
    this.config = config;
    this.httpBodyLimit = httpBodyLimit;
    this.httpLineLimit = httpLineLimit;
    this.mapper = mapper;
  }

  public long maxBodyBytes() {
    return config.maxBodyBytes();
  }

  void install(@Observes Router router) {
    if (httpBodyLimit.asLongValue() <= config.maxBodyBytes()
        || httpLineLimit <= config.maxUriLength()) {
      throw new IllegalStateException(
          "quarkus.http.limits.max-body-size and max-initial-line-length must exceed"
              + " tenantry.tenant.http.max-body-bytes and max-uri-length");
    }
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2)
        .handler(
            rc -> {
              if (rc.request().uri().length() > config.maxUriLength()) {
                refuse(rc, 414, uriTooLong());
              } else if (declaredLength(rc) > config.maxBodyBytes()) {
                refuse(rc, 413, bodyTooLarge());
              } else {
                rc.next();
              }
            });
  }

  /*
   * The two answers are serialized on first use, not at start: that would create the ObjectMapper
   * (and its serializers) on the start-up path, which readiness does not need (~3% of the main
   * thread's start-up CPU in a profile); the API's first JSON request creates it anyway. Two
   * threads that race here only serialize the same answer twice.
   */
  private Buffer uriTooLong() {
    if (uriTooLong == null) {
      uriTooLong = json(Problem.uriTooLong(config.maxUriLength()));
    }
    return uriTooLong;
  }

  private Buffer bodyTooLarge() {
    if (bodyTooLarge == null) {
      bodyTooLarge = json(Problem.bodyTooLarge(config.maxBodyBytes()));
    }
    return bodyTooLarge;
  }

  private Buffer json(Problem problem) {
    try {
      return Buffer.buffer(mapper.get().writeValueAsBytes(problem));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void refuse(RoutingContext rc, int status, Buffer problem) {
    // A body stays unread, so the connection cannot carry another request.
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaderNames.CONNECTION, "close")
        .end(problem);
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
