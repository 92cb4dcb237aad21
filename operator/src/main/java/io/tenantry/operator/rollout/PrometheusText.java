package io.tenantry.operator.rollout;

import io.tenantry.operator.rollout.TenantSignals.Signals;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tenant app's {@code http_server_requests_seconds} from Prometheus text exposition: the
 * error ratio from the per-status counts, p99 from the histogram buckets when the app publishes
 * them, else from {@code _max}, an upper bound of p99 (Micrometer publishes no buckets unless
 * asked).
 */
final class PrometheusText {

  static final String METRIC = "http_server_requests_seconds";
  private static final Pattern LINE =
      Pattern.compile("^(" + METRIC + "_(?:count|bucket|max))\\{([^}]*)}\\s+(\\S+).*$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private PrometheusText() {}

  static Signals parse(String text) {
    double total = 0;
    double errors = 0;
    double max = Double.NaN;
    Map<Double, Double> buckets = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line.trim());
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = labels(m.group(2));
      double value = Double.parseDouble(m.group(3));
      switch (m.group(1)) {
        case METRIC + "_count" -> {
          total += value;
          if (labels.getOrDefault("status", "").startsWith("5")) {
            errors += value;
          }
        }
        case METRIC + "_bucket" -> buckets.merge(le(labels.get("le")), value, Double::sum);
        default -> max = Double.isNaN(max) ? value : Math.max(max, value);
      }
    }
    return new Signals(total == 0 ? 0 : errors / total, p99(buckets, total, max));
  }

  private static OptionalDouble p99(Map<Double, Double> buckets, double total, double max) {
    if (total == 0) {
      return OptionalDouble.empty();
    }
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      if (bucket.getValue() >= 0.99 * total && !bucket.getKey().isInfinite()) {
        return OptionalDouble.of(bucket.getKey() * 1000);
      }
    }
    return Double.isNaN(max) ? OptionalDouble.empty() : OptionalDouble.of(max * 1000);
  }

  private static double le(String value) {
    return value == null || value.equals("+Inf")
        ? Double.POSITIVE_INFINITY
        : Double.parseDouble(value);
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new TreeMap<>();
    Matcher m = LABEL.matcher(text);
    while (m.find()) {
      labels.put(m.group(1), m.group(2));
    }
    return labels;
  }
}
