package io.tenantry.tenantapp.subscribers;

import io.tenantry.tenantapp.common.Clock;
import io.tenantry.tenantapp.common.Lifecycle;
import io.tenantry.tenantapp.common.ListQuery;
import io.tenantry.tenantapp.common.Page;
import io.tenantry.tenantapp.common.ProblemException;
import io.tenantry.tenantapp.common.SortField;
import io.tenantry.tenantapp.subscribers.SubscriberDtos.SubscriberRequest;
import io.tenantry.tenantapp.subscribers.SubscriberDtos.SubscriberView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class SubscriberService {

  private static final Map<String, SortField<Subscriber>> SORTS =
      Map.of(
          "createdAt", SortField.instant("createdAt", s -> s.createdAt),
          "name", SortField.text("name", s -> s.name),
          "accountNumber", SortField.text("accountNumber", s -> s.accountNumber));

  private final EntityManager em;

  SubscriberService(EntityManager em) {
    this.em = em;
  }

  /** Filters of a subscriber list; null means "any". */
  public record Filter(SubscriberStatus status, String servicePlan, String email) {}

  @Transactional
  public SubscriberView create(SubscriberRequest request) {
    Subscriber s = new Subscriber();
    s.id = UUID.randomUUID();
    s.status = SubscriberStatus.pending;
    s.createdAt = Clock.now();
    apply(s, request);
    s.persistAndFlush();
    return SubscriberView.of(s);
  }

  @Transactional
  public SubscriberView get(UUID id) {
    return SubscriberView.of(find(id));
  }

  @Transactional
  public SubscriberView update(UUID id, SubscriberRequest request) {
    Subscriber s = find(id);
    apply(s, request);
    s.flush();
    return SubscriberView.of(s);
  }

  @Transactional
  public SubscriberView changeStatus(UUID id, SubscriberStatus to) {
    Subscriber s = find(id);
    Lifecycle.check("subscriber", s.status, to);
    s.status = to;
    return SubscriberView.of(s);
  }

  @Transactional
  public Page<SubscriberView> list(Filter filter, String sort, String cursor, int limit) {
    return new ListQuery<>(Subscriber.class, SORTS, (Subscriber s) -> s.id)
        .filter("e.status = :status", "status", filter.status())
        .filter("e.servicePlan = :plan", "plan", filter.servicePlan())
        .filter("lower(e.email) = lower(:email)", "email", filter.email())
        .fetch(em, sort, cursor, limit)
        .map(SubscriberView::of);
  }

  static Subscriber find(UUID id) {
    Subscriber s = Subscriber.findById(id);
    if (s == null) {
      throw ProblemException.notFound("subscriber", id);
    }
    return s;
  }

  private static void apply(Subscriber s, SubscriberRequest r) {
    s.accountNumber = r.accountNumber();
    s.name = r.name().strip();
    s.email = r.email().strip();
    s.phone = r.phone();
    s.address = r.address();
    s.servicePlan = r.servicePlan();
    s.radiusUsername = r.radiusUsername();
  }
}
