package io.tenantry.controlplane.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The hash chain: each entry's hash is SHA-256 over the previous hash and the canonical entry. */
final class AuditChain {

  static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private AuditChain() {}

  static String canonicalJson(Object value) {
    try {
      return CANONICAL.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit payload is not serializable", e);
    }
  }

  static String hashOf(String prevHash, AuditEntry entry) {
    Map<String, Object> fields = new TreeMap<>();
    fields.put("occurredAt", entry.occurredAt.toString());
    fields.put("actor", entry.actor);
    fields.put("action", entry.action);
    fields.put("outcome", entry.outcome);
    fields.put("tenant", entry.tenant);
    fields.put("target", entry.target);
    fields.put("requestId", entry.requestId);
    fields.put("clientAddress", entry.clientAddress);
    fields.put("payload", entry.payload);
    return sha256(prevHash + "\n" + canonicalJson(fields));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
