package io.tenantry.tenantapp.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantry.tenantapp.support.TenantKeysTestResource;
import io.tenantry.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Db#listWithGenericPlan}: the statement runs with generic plans forced, and the pooled
 * connection it ran on is back to the server's choice afterwards, also when the statement failed (a
 * search phase that needs a plan for its values must never get a generic one); likewise {@link
 * Db#listPlannedPerExecution} with custom plans forced.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TenantKeysTestResource.class)
class GenericPlanTest {

  private static final String SETTING =
      "SELECT current_setting('plan_cache_mode'), pg_backend_pid() WHERE ?::int > 0";

  @Inject Db db;

  private record Setting(String mode, int backend) {}

  private List<Setting> run(boolean generic, int value) {
    Db.RowMapper<Setting> row = r -> new Setting(r.getString(1), r.getInt(2));
    return generic ? db.listWithGenericPlan(SETTING, row, value) : db.list(SETTING, row, value);
  }

  @Test
  void theStatementRunsWithGenericPlansForcedAndReturnsItsRows() {
    assertThat(run(true, 1))
        .singleElement()
        .extracting(Setting::mode)
        .isEqualTo("force_generic_plan");
    assertThat(run(true, 0)).isEmpty();
  }

  @Test
  void theConnectionIsBackToTheServersChoiceAfterwards() {
    // more than the driver's prepare threshold: the server-side prepared form behaves alike
    for (int i = 0; i < 8; i++) {
      int backend = run(true, 1).getFirst().backend();
      Setting after = run(false, 1).getFirst();

      assertThat(after.backend()).as("same pooled connection").isEqualTo(backend);
      assertThat(after.mode()).isEqualTo("auto");
    }
  }

  @Test
  void theIndexScanVariantAlsoTurnsOffBitmapScansForTheStatementOnly() {
    String settings =
        "SELECT current_setting('plan_cache_mode'), current_setting('enable_bitmapscan'),"
            + " pg_backend_pid() WHERE ?::int > 0";
    Db.RowMapper<List<String>> row = r -> List.of(r.getString(1), r.getString(2), r.getString(3));
    String backend = null;
    // more than the driver's prepare threshold: the server-side prepared form behaves alike
    for (int i = 0; i < 8; i++) {
      List<String> during = db.listWithGenericIndexScanPlan(settings, row, 1).getFirst();
      backend = during.get(2);
      List<String> after = db.list(settings, row, 1).getFirst();

      assertThat(during.subList(0, 2)).containsExactly("force_generic_plan", "off");
      assertThat(after.get(2)).as("same pooled connection").isEqualTo(during.get(2));
      assertThat(after.subList(0, 2)).containsExactly("auto", "on");
    }
    assertThatThrownBy(
            () -> db.listWithGenericIndexScanPlan("SELECT 1 / ?::int", r -> r.getInt(1), 0))
        .isInstanceOf(DataException.class);
    List<String> afterFailure = db.list(settings, row, 1).getFirst();
    assertThat(afterFailure.get(2)).as("same pooled connection").isEqualTo(backend);
    assertThat(afterFailure.subList(0, 2)).containsExactly("auto", "on");
  }

  @Test
  void thePerExecutionVariantForcesCustomPlansForTheStatementOnly() {
    Db.RowMapper<Setting> row = r -> new Setting(r.getString(1), r.getInt(2));
    int backend = 0;
    // more than the driver's prepare threshold: the server-side prepared form behaves alike
    for (int i = 0; i < 8; i++) {
      Setting during = db.listPlannedPerExecution(SETTING, row, 1).getFirst();
      backend = during.backend();
      Setting after = run(false, 1).getFirst();

      assertThat(during.mode()).isEqualTo("force_custom_plan");
      assertThat(after.backend()).as("same pooled connection").isEqualTo(backend);
      assertThat(after.mode()).isEqualTo("auto");
    }
    assertThat(db.listPlannedPerExecution(SETTING, row, 0)).isEmpty();
    assertThatThrownBy(() -> db.listPlannedPerExecution("SELECT 1 / ?::int", r -> r.getInt(1), 0))
        .isInstanceOf(DataException.class);
    Setting afterFailure = run(false, 1).getFirst();
    assertThat(afterFailure.backend()).as("same pooled connection").isEqualTo(backend);
    assertThat(afterFailure.mode()).isEqualTo("auto");
  }

  @Test
  void aFailedStatementLeavesTheConnectionAtTheServersChoiceToo() {
    int backend = run(true, 1).getFirst().backend();

    assertThatThrownBy(() -> db.listWithGenericPlan("SELECT 1 / ?::int", r -> r.getInt(1), 0))
        .isInstanceOf(DataException.class);
    Setting after = run(false, 1).getFirst();

    assertThat(after.backend()).as("same pooled connection").isEqualTo(backend);
    assertThat(after.mode()).isEqualTo("auto");
  }
}
