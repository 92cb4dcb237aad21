package io.tenantry.tenantapp.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ticket_messages")
public class TicketMessage extends PanacheEntityBase {

  @Id public UUID id;

  @ManyToOne
  @JoinColumn(name = "ticket_id")
  public Ticket ticket;

  @Column(name = "author_id")
  public UUID authorId;

  public String body;

  @Column(name = "created_at")
  public Instant createdAt;
}
