package io.tenantry.tenantapp.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What clients send and receive for support tickets. */
public final class TicketDtos {

  private TicketDtos() {}

  public record TicketRequest(
      @NotBlank @Size(max = 200) String subject,
      @NotBlank String priority,
      UUID subscriberId,
      UUID assigneeId) {}

  public record MessageRequest(@NotBlank @Size(max = 10000) String body) {}

  public record MessageView(UUID id, UUID authorId, String body, Instant createdAt) {}

  public record TicketView(
      UUID id,
      String subject,
      TicketPriority priority,
      TicketStatus status,
      UUID subscriberId,
      UUID assigneeId,
      Instant createdAt,
      List<MessageView> messages) {

    static TicketView of(Ticket t) {
      return new TicketView(
          t.id,
          t.subject,
          t.priority,
          t.status,
          t.subscriberId,
          t.assigneeId,
          t.createdAt,
          t.messages.stream()
              .map(m -> new MessageView(m.id, m.authorId, m.body, m.createdAt))
              .toList());
    }

    /** Lists leave the conversation out. */
    static TicketView summary(Ticket t) {
      return new TicketView(
          t.id,
          t.subject,
          t.priority,
          t.status,
          t.subscriberId,
          t.assigneeId,
          t.createdAt,
          List.of());
    }
  }
}
