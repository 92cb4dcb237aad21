package io.tenantry.local.workloads;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** A Secret's data as the kubelet hands it to containers: base64 decoded, stringData merged. */
final class SecretData {

  private SecretData() {}

  static Map<String, String> decoded(Secret secret) {
    Map<String, String> data = new HashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (key, value) ->
                  data.put(
                      key,
                      new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    return data;
  }
}
