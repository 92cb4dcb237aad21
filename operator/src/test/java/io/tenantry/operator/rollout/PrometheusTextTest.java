package io.tenantry.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.operator.rollout.TenantSignals.Signals;
import org.junit.jupiter.api.Test;

/** The tenant app's request metrics read from its Prometheus endpoint. */
class PrometheusTextTest {

  @Test
  void theErrorRatioCountsServerErrorsOnly() {
    Signals signals =
        PrometheusText.parse(
            """
            http_server_requests_seconds_count{method="GET",status="200",uri="/a"} 80.0
            http_server_requests_seconds_count{method="GET",status="404",uri="/b"} 10.0
            http_server_requests_seconds_count{method="POST",status="503",uri="/a"} 10.0
            """);

    assertThat(signals.errorRatio()).isEqualTo(0.1);
  }

  @Test
  void p99ComesFromTheHistogramBucketsWhenPublished() {
    Signals signals =
        PrometheusText.parse(
            """
            http_server_requests_seconds_count{status="200",uri="/a"} 100.0
            http_server_requests_seconds_bucket{status="200",uri="/a",le="0.1"} 90.0
            http_server_requests_seconds_bucket{status="200",uri="/a",le="0.5"} 99.0
            http_server_requests_seconds_bucket{status="200",uri="/a",le="+Inf"} 100.0
            http_server_requests_seconds_max{status="200",uri="/a"} 3.0
            """);

    assertThat(signals.p99Millis()).hasValue(500.0);
  }

  @Test
  void withoutBucketsTheMaximumBoundsP99() {
    Signals signals =
        PrometheusText.parse(
            """
            http_server_requests_seconds_count{status="200",uri="/a"} 5.0
            http_server_requests_seconds_max{status="200",uri="/a"} 0.25
            http_server_requests_seconds_max{status="200",uri="/b"} 1.5
            """);

    assertThat(signals.p99Millis()).hasValue(1500.0);
  }

  @Test
  void anAppWithoutRequestsHasNoLatencyAndNoErrors() {
    Signals signals =
        PrometheusText.parse("# HELP jvm_threads_live_threads\njvm_threads_live_threads 20.0\n");

    assertThat(signals.errorRatio()).isZero();
    assertThat(signals.p99Millis()).isEmpty();
  }
}
