package io.tenantry.operator.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.crds.v1alpha1.Entitlements;
import io.tenantry.crds.v1alpha1.Plan;
import io.tenantry.crds.v1alpha1.Tenant;
import io.tenantry.operator.naming.TenantNames;
import io.tenantry.operator.naming.TenantValidator;
import io.tenantry.operator.support.Tenants;
import io.tenantry.operator.support.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names derive from the slug, so only slugs that make valid names everywhere are accepted. */
class TenantValidatorTest {

  private final TenantValidator validator = TenantValidator.over(TestConfig.shipped());

  @Test
  void validSlugAndConfiguredPlanPass() {
    assertThat(validator.problems(Tenants.stored("acme-fiber", Plan.STARTER))).isEmpty();
  }

  @Test
  void slugThatIsNotADnsLabelIsRefused() {
    assertThat(validator.problems(Tenants.stored("Acme_Fiber", Plan.STARTER)))
        .singleElement()
        .asString()
        .startsWith("metadata.name must be a DNS label");
  }

  @Test
  void reservedSlugIsRefused() {
    assertThat(validator.problems(Tenants.stored("www", Plan.STARTER)))
        .containsExactly("metadata.name 'www' is reserved");
  }

  @Test
  void whatAnSreAppliedByHandIsRefused() {
    Tenant punycode = Tenants.stored("xn--acme", Plan.STARTER);
    Tenant kubeSystem = Tenants.stored("kube-system", Plan.STARTER);
    Tenant noDisplayName = Tenants.stored("acme", Plan.STARTER);
    noDisplayName.getSpec().displayName = null;
    Tenant negativeSeats = Tenants.stored("acme", Plan.STARTER);
    negativeSeats.getSpec().entitlements = new Entitlements();
    negativeSeats.getSpec().entitlements.seats = -5;

    assertThat(validator.problems(punycode)).singleElement().asString().contains("IDNA");
    assertThat(validator.problems(kubeSystem)).singleElement().asString().contains("kube-");
    assertThat(validator.problems(noDisplayName)).containsExactly("spec.displayName is required");
    assertThat(validator.problems(negativeSeats))
        .singleElement()
        .asString()
        .startsWith("spec.entitlements.seats");
    assertThat(validator.hasUsableName(punycode)).isFalse();
  }

  @Test
  void missingPlanIsRefused() {
    assertThat(validator.problems(Tenants.stored("acme", null)))
        .containsExactly("spec.plan must be one of free, starter, professional, enterprise");
  }

  @Test
  void derivedNamesAreTheContractNames() {
    Tenant tenant = Tenants.stored("acme-fiber", Plan.STARTER);

    assertThat(TenantNames.namespace(tenant)).isEqualTo("tenant-acme-fiber");
    assertThat(TenantNames.database(tenant)).isEqualTo("tenant_acme_fiber");
    assertThat(TenantNames.host(tenant, "tenants.tenantry.io"))
        .isEqualTo("acme-fiber.tenants.tenantry.io");
    assertThat(TenantNames.labels(tenant, "tenant-app"))
        .isEqualTo(
            Map.of(
                "app.kubernetes.io/name", "tenant-app",
                "app.kubernetes.io/part-of", "tenantry",
                "app.kubernetes.io/managed-by", "tenantry-operator",
                "tenantry.io/tenant", "acme-fiber"));
  }
}
