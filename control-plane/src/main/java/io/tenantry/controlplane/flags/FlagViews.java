package io.tenantry.controlplane.flags;

import io.tenantry.controlplane.flags.FlagRule.Source;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the flags API shows. */
public final class FlagViews {

  private FlagViews() {}

  /** A catalogue entry; {@code global} is on, off or unset. */
  public record CatalogueEntry(
      String key, String description, boolean defaultEnabled, String global) {
    static CatalogueEntry of(FeatureFlag flag) {
      return new CatalogueEntry(
          flag.key, flag.description, flag.defaultEnabled, Switch.describe(flag.globalEnabled));
    }
  }

  /** One flag's effective value for a tenant and the step of {@link FlagRule} that decided it. */
  public record EffectiveFlag(String key, boolean enabled, Source source, String override) {}

  /** Every flag's effective value for one tenant. */
  public record EffectiveFlags(String tenant, String plan, List<EffectiveFlag> flags) {

    /** The values alone, by key: what the signed entitlements carry. */
    public Map<String, Boolean> asMap() {
      Map<String, Boolean> values = new TreeMap<>();
      flags.forEach(f -> values.put(f.key(), f.enabled()));
      return values;
    }
  }

  /** The on/off/unset wording of a nullable switch. */
  static final class Switch {
    private Switch() {}

    static String describe(Boolean value) {
      return value == null ? "unset" : value ? "on" : "off";
    }
  }
}
