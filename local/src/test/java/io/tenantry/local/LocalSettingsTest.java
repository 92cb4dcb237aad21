package io.tenantry.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

  private final LocalSettings defaults = LocalSettings.from(Map.of(), Path.of("/repo"));

  @Test
  void tenantsAreServedOnPort8000AndNoDemoByDefault() {
    assertThat(defaults.ingressPort()).isEqualTo(8000);
    assertThat(defaults.demoTenants()).isZero();
    assertThat(defaults.withArguments(new String[0]).demoTenants()).isZero();
  }

  @Test
  void demoTakesACountOrDefaultsToTwo() {
    assertThat(defaults.withArguments(new String[] {"--demo", "3"}).demoTenants()).isEqualTo(3);
    assertThat(defaults.withArguments(new String[] {"--demo"}).demoTenants()).isEqualTo(2);
  }

  @Test
  void anUnknownArgumentIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> defaults.withArguments(new String[] {"--demos"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown argument --demos; usage: bin/run-local [--demo N]");
  }
}
