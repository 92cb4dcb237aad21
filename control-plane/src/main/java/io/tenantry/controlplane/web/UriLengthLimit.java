package io.tenantry.controlplane.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tenantry.common.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an overlong request target (a 10,000-character query string, say) with a problem+json 414
 * before anything parses it. The HTTP layer's own limit (quarkus.http.limits.
 * max-initial-line-length) must be higher, or its bare 414 would answer first.
 */
@ApplicationScoped
public class UriLengthLimit {

  /** Request target limit. */
  @ConfigMapping(prefix = "tenantry.http")
  public interface Config {
    /** Longest request target (path and query) the API accepts, in characters. */
    @WithDefault("8192")
    int maxUriLength();
  }

  private final int maxUriLength;
  private final int httpLayerLimit;
  private final ObjectMapper mapper;

  UriLengthLimit(
      Config config,
      @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int httpLayerLimit,
      ObjectMapper mapper) {
    this.maxUriLength = config.maxUriLength();
    this.httpLayerLimit = httpLayerLimit;
    this.mapper = mapper;
  }

  void install(@Observes Router router) throws JsonProcessingException {
    if (httpLayerLimit <= maxUriLength) {
      throw new IllegalStateException(
          "quarkus.http.limits.max-initial-line-length must exceed tenantry.http.max-uri-length");
    }
    Buffer refusal = Buffer.buffer(mapper.writeValueAsBytes(Problem.uriTooLong(maxUriLength)));
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2)
        .handler(
            rc -> {
              if (rc.request().uri().length() <= maxUriLength) {
                rc.next();
                return;
              }
              rc.response()
                  .setStatusCode(414)
                  .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                  .end(refusal);
            });
  }
}
