package io.tenantry.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.RolloutSpec;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.crds.v1alpha1.WaveStatus;
import io.tenantry.operator.support.Tenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tenants each wave takes, decided once from the rollout's selector and waves. */
class MembershipTest {

  private static final List<Tenant> FLEET =
      List.of(
          tenant("f1", Plan.FREE, "eu-west-1", Map.of()),
          tenant("f2", Plan.FREE, "eu-west-1", Map.of()),
          tenant("f3", Plan.FREE, "us-east-1", Map.of()),
          tenant("s1", Plan.STARTER, "eu-west-1", Map.of("tenantry.io/ring", "canary")),
          tenant("s2", Plan.STARTER, "us-east-1", Map.of()),
          tenant("e1", Plan.ENTERPRISE, "eu-west-1", Map.of()));

  @Test
  void aCanarySpreadsAcrossPlansRoundRobinByName() {
    List<WaveStatus> waves = freeze("waves: [{name: canary, canary: {count: 4}}, {name: rest}]");

    assertThat(names(waves.get(0))).containsExactly("e1", "f1", "f2", "s1");
    assertThat(names(waves.get(1))).containsExactly("f3", "s2");
  }

  @Test
  void aPercentCanaryIsRoundedUpToAtLeastOneTenant() {
    List<WaveStatus> waves = freeze("waves: [{name: canary, canary: {percent: 10}}, {name: rest}]");

    assertThat(names(waves.get(0))).containsExactly("f1");
    assertThat(names(waves.get(1))).hasSize(5);
  }

  @Test
  void eachWaveTakesOnlyTenantsNoEarlierWaveTook() {
    List<WaveStatus> waves =
        freeze(
            """
            waves:
              - {name: ring, selector: {matchLabels: {tenantry.io/ring: canary}}}
              - {name: eu, selector: {regions: [eu-west-1]}}
              - {name: rest}
            """);

    assertThat(names(waves.get(0))).containsExactly("s1");
    assertThat(names(waves.get(1))).containsExactly("e1", "f1", "f2");
    assertThat(names(waves.get(2))).containsExactly("f3", "s2");
  }

  @Test
  void theRolloutSelectorBoundsEveryWave() {
    List<WaveStatus> waves = freeze("selector: {plans: [starter]}\nwaves: [{name: all}]");

    assertThat(names(waves.get(0))).containsExactly("s1", "s2");
  }

  @Test
  void aWaveWithASelectorLeavesTheOthersForLaterWavesOrNone() {
    List<WaveStatus> waves = freeze("waves: [{name: enterprise, selector: {plans: [enterprise]}}]");

    assertThat(names(waves.get(0))).containsExactly("e1");
  }

  private static List<WaveStatus> freeze(String yaml) {
    RolloutSpec spec = Serialization.unmarshal("release: r\n" + yaml, RolloutSpec.class);
    return Membership.freeze(spec, FLEET);
  }

  private static List<String> names(WaveStatus wave) {
    return wave.tenants.stream().map(t -> t.tenant).toList();
  }

  private static Tenant tenant(String name, Plan plan, String region, Map<String, String> labels) {
    Tenant tenant = Tenants.tenant(name, plan);
    tenant.getSpec().region = region;
    tenant.getMetadata().setLabels(labels);
    return tenant;
  }
}
