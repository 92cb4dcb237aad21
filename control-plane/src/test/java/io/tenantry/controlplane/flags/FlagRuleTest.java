package io.tenantry.controlplane.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.controlplane.flags.FlagRule.Decision;
import io.tenantry.controlplane.flags.FlagRule.PlanStance;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The effective-flag rule, row by row: every combination of catalogue default, plan stance, global
 * switch and tenant override, with the value and source the rule must give.
 */
class FlagRuleTest {

  /** default | plan | global | override | enabled | source */
  static final String TABLE =
      """
      false | DISALLOWED | unset | unset | false | plan-disallowed
      false | DISALLOWED | unset | on    | false | plan-disallowed
      false | DISALLOWED | unset | off   | false | override
      false | DISALLOWED | on    | unset | false | plan-disallowed
      false | DISALLOWED | on    | on    | false | plan-disallowed
      false | DISALLOWED | on    | off   | false | override
      false | DISALLOWED | off   | unset | false | global
      false | DISALLOWED | off   | on    | false | plan-disallowed
      false | DISALLOWED | off   | off   | false | override
      false | ALLOWED    | unset | unset | false | default
      false | ALLOWED    | unset | on    | true  | override
      false | ALLOWED    | unset | off   | false | override
      false | ALLOWED    | on    | unset | true  | global
      false | ALLOWED    | on    | on    | true  | override
      false | ALLOWED    | on    | off   | false | override
      false | ALLOWED    | off   | unset | false | global
      false | ALLOWED    | off   | on    | true  | override
      false | ALLOWED    | off   | off   | false | override
      false | INCLUDED   | unset | unset | true  | plan
      false | INCLUDED   | unset | on    | true  | override
      false | INCLUDED   | unset | off   | false | override
      false | INCLUDED   | on    | unset | true  | global
      false | INCLUDED   | on    | on    | true  | override
      false | INCLUDED   | on    | off   | false | override
      false | INCLUDED   | off   | unset | false | global
      false | INCLUDED   | off   | on    | true  | override
      false | INCLUDED   | off   | off   | false | override
      true  | DISALLOWED | unset | unset | false | plan-disallowed
      true  | DISALLOWED | unset | on    | false | plan-disallowed
      true  | DISALLOWED | unset | off   | false | override
      true  | DISALLOWED | on    | unset | false | plan-disallowed
      true  | DISALLOWED | on    | on    | false | plan-disallowed
      true  | DISALLOWED | on    | off   | false | override
      true  | DISALLOWED | off   | unset | false | global
      true  | DISALLOWED | off   | on    | false | plan-disallowed
      true  | DISALLOWED | off   | off   | false | override
      true  | ALLOWED    | unset | unset | true  | default
      true  | ALLOWED    | unset | on    | true  | override
      true  | ALLOWED    | unset | off   | false | override
      true  | ALLOWED    | on    | unset | true  | global
      true  | ALLOWED    | on    | on    | true  | override
      true  | ALLOWED    | on    | off   | false | override
      true  | ALLOWED    | off   | unset | false | global
      true  | ALLOWED    | off   | on    | true  | override
      true  | ALLOWED    | off   | off   | false | override
      true  | INCLUDED   | unset | unset | true  | plan
      true  | INCLUDED   | unset | on    | true  | override
      true  | INCLUDED   | unset | off   | false | override
      true  | INCLUDED   | on    | unset | true  | global
      true  | INCLUDED   | on    | on    | true  | override
      true  | INCLUDED   | on    | off   | false | override
      true  | INCLUDED   | off   | unset | false | global
      true  | INCLUDED   | off   | on    | true  | override
      true  | INCLUDED   | off   | off   | false | override
      """;

  static Stream<Arguments> rows() {
    return TABLE
        .lines()
        .filter(line -> !line.isBlank())
        .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new))
        .map(
            cells ->
                Arguments.of(
                    Boolean.parseBoolean(cells[0]),
                    PlanStance.valueOf(cells[1]),
                    setting(cells[2]),
                    setting(cells[3]),
                    Boolean.parseBoolean(cells[4]),
                    cells[5]));
  }

  @ParameterizedTest(name = "default {0}, plan {1}, global {2}, override {3} → {4} ({5})")
  @MethodSource("rows")
  void effectiveValueAndSourceFollowTheRule(
      boolean defaultValue,
      PlanStance plan,
      Boolean global,
      Boolean override,
      boolean enabled,
      String source) {
    Decision decision = FlagRule.decide(defaultValue, plan, global, override);

    assertThat(decision.enabled()).isEqualTo(enabled);
    assertThat(decision.source().value()).isEqualTo(source);
  }

  @Test
  void theTableHoldsEveryCombinationExactlyOnce() {
    Set<String> inputs =
        rows()
            .map(
                a ->
                    Arrays.stream(a.get())
                        .limit(4)
                        .map(String::valueOf)
                        .collect(Collectors.joining(",")))
            .collect(Collectors.toSet());
    assertThat(rows().count()).isEqualTo(2 * PlanStance.values().length * 3 * 3);
    assertThat(inputs).hasSize(2 * PlanStance.values().length * 3 * 3);
  }

  private static Boolean setting(String cell) {
    return switch (cell) {
      case "on" -> true;
      case "off" -> false;
      case "unset" -> null;
      default -> throw new IllegalArgumentException("not on, off or unset: " + cell);
    };
  }
}
