package io.tenantry.tenantapp.subscribers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "subscribers")
public class Subscriber extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "account_number")
  public String accountNumber;

  public String name;
  public String email;
  public String phone;
  public String address;

  @Column(name = "service_plan")
  public String servicePlan;

  @Column(name = "radius_username")
  public String radiusUsername;

  @Enumerated(EnumType.STRING)
  public SubscriberStatus status;

  @Column(name = "created_at")
  public Instant createdAt;
}
