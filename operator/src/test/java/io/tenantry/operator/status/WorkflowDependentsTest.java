package io.tenantry.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.tenantry.operator.TenantReconciler;
import io.tenantry.operator.workflow.Dependents;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Status reads dependent failures by name: a dependent the aggregator does not know would fail
 * without any condition saying so, and one it knows under an old name would never be reported.
 */
class WorkflowDependentsTest {

  @Test
  void everyWorkflowDependentIsADependentsConstant() throws IllegalAccessException {
    assertThat(workflowDependents()).containsExactlyInAnyOrderElementsOf(constants());
  }

  @Test
  void everyWorkflowDependentIsReportedByExactlyOneCondition() {
    List<String> reported =
        StatusAggregator.DEPENDENTS_OF.values().stream().flatMap(Collection::stream).toList();

    assertThat(reported).doesNotHaveDuplicates();
    assertThat(reported).containsExactlyInAnyOrderElementsOf(workflowDependents());
  }

  private static Set<String> workflowDependents() {
    Workflow workflow = TenantReconciler.class.getAnnotation(Workflow.class);
    Set<String> names =
        Arrays.stream(workflow.dependents()).map(Dependent::name).collect(Collectors.toSet());
    assertThat(names).as("every dependent is named").doesNotContain("");
    return names;
  }

  private static Set<String> constants() throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Field field : Dependents.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }
}
