package io.tenantry.controlplane.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tenantry.controlplane.problem.Problem;
import io.tenantry.controlplane.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized request bodies with problem+json before anything reads them. The HTTP layer's
 * own, higher limit (quarkus.http.limits.max-body-size) still guards bodies without a length.
 */
public class BodySizeLimit {

  /** Request size limits. */
  @ConfigMapping(prefix = "tenantry.http")
  public interface Config {
    /** Largest request body the API accepts, in bytes. */
    @WithDefault("65536")
    long maxBodyBytes();
  }

  private final Config config;

  BodySizeLimit(Config config) {
    this.config = config;
  }

  @ServerRequestFilter(preMatching = true)
  public void check(ContainerRequestContext request) {
    if (request.getLength() > config.maxBodyBytes()) {
      throw new ProblemException(
          new Problem(
              "https://tenantry.io/problems/body-too-large",
              "Request body too large",
              413,
              "body: must be at most " + config.maxBodyBytes() + " bytes",
              java.util.List.of(
                  new Problem.FieldError(
                      "body", "must be at most " + config.maxBodyBytes() + " bytes"))));
    }
  }
}
