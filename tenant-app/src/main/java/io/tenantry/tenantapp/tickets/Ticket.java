package io.tenantry.tenantapp.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "tickets")
public class Ticket extends PanacheEntityBase {

  @Id public UUID id;

  public String subject;

  @Enumerated(EnumType.STRING)
  public TicketPriority priority;

  @Enumerated(EnumType.STRING)
  public TicketStatus status;

  @Column(name = "subscriber_id")
  public UUID subscriberId;

  @Column(name = "assignee_id")
  public UUID assigneeId;

  @Column(name = "created_at")
  public Instant createdAt;

  @OneToMany(mappedBy = "ticket")
  @OrderBy("createdAt, id")
  public List<TicketMessage> messages = new ArrayList<>();
}
