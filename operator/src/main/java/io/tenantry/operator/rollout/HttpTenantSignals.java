package io.tenantry.operator.rollout;

import io.tenantry.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Reads a tenant app's Prometheus endpoint over HTTP, at the configured URL template. */
@ApplicationScoped
public class HttpTenantSignals implements TenantSignals {

  private static final Logger LOG = Logger.getLogger(HttpTenantSignals.class);

  private final OperatorConfig.Rollout config;
  private final HttpClient http;

  HttpTenantSignals(OperatorConfig config) {
    this.config = config.rollout();
    this.http = HttpClient.newBuilder().connectTimeout(this.config.signalsTimeout()).build();
  }

  @Override
  public Optional<Signals> read(String tenant) {
    URI uri = URI.create(config.signalsUrl().replace("{tenant}", tenant));
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(config.signalsTimeout()).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.debugf("metrics of tenant %s answered %d", tenant, response.statusCode());
        return Optional.empty();
      }
      return Optional.of(PrometheusText.parse(response.body()));
    } catch (IOException | RuntimeException e) {
      LOG.debugf("metrics of tenant %s unreadable: %s", tenant, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
