package io.tenantry.common.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Thrown by a deserializer that read a value of the right type breaking a rule (a NUL character, a
 * date no database can store). Jackson adds the JSON path as it unwinds, so the answer names the
 * field and the rule.
 */
public class InvalidValue extends JsonMappingException {

  private final String rule;

  public InvalidValue(JsonParser parser, String rule) {
    super(parser, rule);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
