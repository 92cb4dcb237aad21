package io.tenantry.tenantapp.subscribers;

import io.tenantry.tenantapp.db.Db;
import io.tenantry.tenantapp.db.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code subscribers}. */
public class Subscriber {

  static final Table<Subscriber> TABLE =
      new Table<>(
          "subscribers",
          "subscriber",
          "id, account_number, name, email, phone, address, service_plan, radius_username, status,"
              + " created_at",
          Subscriber::read);

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

  private static Subscriber read(ResultSet row) throws SQLException {
    Subscriber s = new Subscriber();
    s.id = Db.uuid(row, "id");
    s.accountNumber = row.getString("account_number");
    s.name = row.getString("name");
    s.email = row.getString("email");
    s.phone = row.getString("phone");
    s.address = row.getString("address");
    s.servicePlan = row.getString("service_plan");
    s.radiusUsername = row.getString("radius_username");
    s.status = Db.enumOf(SubscriberStatus.class, row, "status");
    s.createdAt = Db.instant(row, "created_at");
    return s;
  }
}
