package io.tenantry.tenantapp.subscribers;

import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;
import static io.tenantry.tenantapp.db.Column.Reader.enumOf;

import io.tenantry.tenantapp.db.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code subscribers}. */
public class Subscriber {

  static final Table<Subscriber> TABLE =
      Table.of("subscribers", "subscriber", Subscriber::new)
          .key("id", s -> s.id, (s, v) -> s.id = v)
          .column("account_number", TEXT, s -> s.accountNumber, (s, v) -> s.accountNumber = v)
          .column("name", TEXT, s -> s.name, (s, v) -> s.name = v)
          .column("email", TEXT, s -> s.email, (s, v) -> s.email = v)
          .column("phone", TEXT, s -> s.phone, (s, v) -> s.phone = v)
          .column("address", TEXT, s -> s.address, (s, v) -> s.address = v)
          .column("service_plan", TEXT, s -> s.servicePlan, (s, v) -> s.servicePlan = v)
          .column("radius_username", TEXT, s -> s.radiusUsername, (s, v) -> s.radiusUsername = v)
          .column("status", enumOf(SubscriberStatus.class), s -> s.status, (s, v) -> s.status = v)
          .fixed("created_at", TIMESTAMP, s -> s.createdAt, (s, v) -> s.createdAt = v)
          .build();

  public UUID id;
  public String accountNumber;
  public String name;
  public String email;
  public String phone;
  public String address;
  public String servicePlan;
  public String radiusUsername;
  public SubscriberStatus status;
  public Instant createdAt;
}
