package io.tenantry.tenantapp.subscribers;

import io.tenantry.tenantapp.common.Lifecycle;
import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.ListQuery;
import io.tenantry.tenantapp.db.Page;
import io.tenantry.tenantapp.db.SortField;
import io.tenantry.tenantapp.db.Timestamps;
import io.tenantry.tenantapp.subscribers.SubscriberDtos.SubscriberRequest;
import io.tenantry.tenantapp.subscribers.SubscriberDtos.SubscriberView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class SubscriberService {

  private static final Map<String, SortField<Subscriber>> SORTS =
      Map.of(
          "createdAt", SortField.instant("created_at", s -> s.createdAt),
          "name", SortField.text("name", s -> s.name),
          "accountNumber", SortField.text("account_number", s -> s.accountNumber));

  private final Db db;

  SubscriberService(Db db) {
    this.db = db;
  }

  /** Filters of a subscriber list; null means "any". */
  public record Filter(SubscriberStatus status, String servicePlan, String email) {}

  @Transactional
  public SubscriberView create(SubscriberRequest request) {
    Subscriber s = new Subscriber();
    s.id = UUID.randomUUID();
    s.status = SubscriberStatus.pending;
    s.createdAt = Timestamps.now();
    apply(s, request);
    db.insert(Subscriber.TABLE, s);
    return SubscriberView.of(s);
  }

  @Transactional
  public SubscriberView get(UUID id) {
    return SubscriberView.of(db.get(Subscriber.TABLE, id));
  }

  @Transactional
  public SubscriberView update(UUID id, SubscriberRequest request) {
    Subscriber s = db.lock(Subscriber.TABLE, id);
    apply(s, request);
    db.update(Subscriber.TABLE, s);
    return SubscriberView.of(s);
  }

  @Transactional
  public SubscriberView changeStatus(UUID id, SubscriberStatus to) {
    Subscriber s = db.lock(Subscriber.TABLE, id);
    Lifecycle.check("subscriber", s.status, to);
    s.status = to;
    db.update(Subscriber.TABLE, s);
    return SubscriberView.of(s);
  }

  @Transactional
  public Page<SubscriberView> list(Filter filter, String sort, String cursor, int limit) {
    return new ListQuery<>(Subscriber.TABLE, SORTS, (Subscriber s) -> s.id)
        .filter("status = ?", filter.status())
        .filter("service_plan = ?", filter.servicePlan())
        .filter("lower(email) = lower(?)", filter.email())
        .fetch(db, sort, cursor, limit)
        .map(SubscriberView::of);
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
