package io.tenantry.controlplane.licensing;

import io.tenantry.common.problem.ProblemException;
import io.tenantry.controlplane.licensing.LicenseViews.LicenseView;
import io.tenantry.controlplane.tenants.TenantRecord;
import io.tenantry.crds.v1alpha1.LicenseStatus;
import io.tenantry.crds.v1alpha1.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The licenses of every tenant, filtered and paged. */
@ApplicationScoped
public class LicenseQueries {

  /** Filters of the list; all optional. */
  public record Filter(String status, String type, String plan, Integer expiringWithinDays) {}

  private final EntityManager em;
  private final Clock clock;

  LicenseQueries(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Soonest end date first; licenses without one last. */
  @Transactional
  public LicenseViews.Page<LicenseView> list(Filter filter, int page, int size) {
    List<String> clauses = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    where(filter, clauses, parameters);
    String from =
        " from License l, TenantRecord t where t.id = l.tenantId"
            + (clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses));
    TypedQuery<Object[]> rows =
        em.createQuery(
            "select l, t" + from + " order by l.expiresAt asc nulls last, t.slug", Object[].class);
    TypedQuery<Long> count = em.createQuery("select count(l)" + from, Long.class);
    parameters.forEach(
        (name, value) -> {
          rows.setParameter(name, value);
          count.setParameter(name, value);
        });
    List<LicenseView> items =
        rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
            .map(
                row -> {
                  TenantRecord tenant = (TenantRecord) row[1];
                  return LicenseView.of(tenant.slug, tenant.plan, (License) row[0]);
                })
            .toList();
    return new LicenseViews.Page<>(items, page, size, count.getSingleResult());
  }

  private void where(Filter filter, List<String> clauses, Map<String, Object> parameters) {
    if (filter.status() != null) {
      clauses.add("l.status = :status");
      parameters.put("status", oneOf("status", filter.status(), statuses()));
    }
    if (filter.type() != null) {
      clauses.add("l.type = :type");
      parameters.put("type", oneOf("type", filter.type(), LicenseType.PATTERN.split("\\|")));
    }
    if (filter.plan() != null) {
      clauses.add("t.plan = :plan");
      parameters.put(
          "plan",
          oneOf(
              "plan",
              filter.plan(),
              Arrays.stream(Plan.values()).map(Plan::value).toArray(String[]::new)));
    }
    if (filter.expiringWithinDays() != null) {
      Instant now = clock.instant();
      clauses.add("l.expiresAt >= :now and l.expiresAt <= :until");
      parameters.put("now", now);
      parameters.put("until", now.plus(Duration.ofDays(filter.expiringWithinDays())));
    }
  }

  private static String[] statuses() {
    return Arrays.stream(LicenseStatus.values()).map(LicenseStatus::value).toArray(String[]::new);
  }

  private static String oneOf(String field, String value, String[] allowed) {
    if (!Arrays.asList(allowed).contains(value)) {
      throw ProblemException.invalid(field, "must be one of " + String.join(", ", allowed));
    }
    return value;
  }
}
