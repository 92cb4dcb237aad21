package io.tenantry.controlplane.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from audit payloads: by key (passwords, tokens, keys, TOTP and recovery codes,
 * connection strings) and by value (URLs with credentials, JDBC URLs, JWTs, PEM blocks), so that a
 * secret under an innocent key is still caught.
 */
public final class Redactor {

  public static final String REDACTED = "[REDACTED]";

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(password|passwd|secret|token|apikey|api_key|api-key|privatekey|private_key"
              + "|private-key|signingkey|totp|otp|code|credential|connection|jdbc|dsn"
              + "|authorization|cookie).*");
  private static final Pattern SECRET_VALUE =
      Pattern.compile(
          "(?s)(^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s]*:[^@\\s]*@.*)|(^jdbc:.*)"
              + "|(.*eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\..*)|(.*-----BEGIN [A-Z ]+-----.*)"
              + "|(.*(password|pwd)=.*)");

  private Redactor() {}

  /** A copy of {@code payload} with secrets replaced and keys sorted. */
  public static Map<String, Object> redact(Map<String, ?> payload) {
    Map<String, Object> clean = new TreeMap<>();
    if (payload != null) {
      payload.forEach(
          (key, value) ->
              clean.put(key, SECRET_KEY.matcher(key).matches() ? REDACTED : redactValue(value)));
    }
    return clean;
  }

  private static Object redactValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> nested = new TreeMap<>();
      map.forEach((k, v) -> nested.put(String.valueOf(k), v));
      return redact(nested);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(redactValue(item)));
      return copy;
    }
    if (value instanceof CharSequence text && SECRET_VALUE.matcher(text).matches()) {
      return REDACTED;
    }
    return value;
  }
}
