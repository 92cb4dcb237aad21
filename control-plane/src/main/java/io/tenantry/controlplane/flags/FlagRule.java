package io.tenantry.controlplane.flags;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The one rule that decides a flag's effective value for a tenant. The first setting present wins:
 *
 * <ol>
 *   <li>the tenant's override (on or off), then
 *   <li>the global switch (on or off), then
 *   <li>the plan: off when the plan does not allow the flag, on when the plan includes it, then
 *   <li>the catalogue default.
 * </ol>
 *
 * A flag the plan does not allow is never on: an override or global switch that would turn it on
 * yields off with source {@code plan-disallowed}. Turning a flag off is always honoured and keeps
 * its source.
 */
public final class FlagRule {

  /** What the tenant's plan says about a flag. */
  public enum PlanStance {
    /** Not in the plan's allowed flags: never on. */
    DISALLOWED,
    /** Allowed, but the plan leaves it to the default. */
    ALLOWED,
    /** Allowed and turned on by the plan. */
    INCLUDED
  }

  /** Which step of the rule decided. */
  public enum Source {
    OVERRIDE,
    GLOBAL,
    PLAN,
    DEFAULT,
    PLAN_DISALLOWED;

    @JsonValue
    public String value() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** An effective value and the step that decided it. */
  public record Decision(boolean enabled, Source source) {}

  private FlagRule() {}

  /**
   * @param global the global switch; null when unset
   * @param override the tenant's override; null when unset
   */
  public static Decision decide(
      boolean defaultValue, PlanStance plan, Boolean global, Boolean override) {
    Decision chosen;
    if (override != null) {
      chosen = new Decision(override, Source.OVERRIDE);
    } else if (global != null) {
      chosen = new Decision(global, Source.GLOBAL);
    } else if (plan == PlanStance.DISALLOWED) {
      chosen = new Decision(false, Source.PLAN_DISALLOWED);
    } else if (plan == PlanStance.INCLUDED) {
      chosen = new Decision(true, Source.PLAN);
    } else {
      chosen = new Decision(defaultValue, Source.DEFAULT);
    }
    if (chosen.enabled() && plan == PlanStance.DISALLOWED) {
      return new Decision(false, Source.PLAN_DISALLOWED);
    }
    return chosen;
  }
}
