package io.tenantry.tenantapp.subscribers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** What clients send and receive for subscribers. */
public final class SubscriberDtos {

  private SubscriberDtos() {}

  /** Create or replace the editable fields; the status changes only through transitions. */
  public record SubscriberRequest(
      @NotBlank @Pattern(regexp = "[A-Z0-9-]{3,32}", message = "must be 3-32 of A-Z, 0-9 and -")
          String accountNumber,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 254) String email,
      @Size(max = 40)
          @Pattern(
              regexp = "[0-9 +()./-]*",
              message = "must contain only digits, spaces and + ( ) . / -")
          String phone,
      @Size(max = 500) String address,
      @NotBlank @Size(max = 80) String servicePlan,
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._@-]{3,64}",
              message = "must be 3-64 of letters, digits and . _ @ -")
          String radiusUsername) {}

  public record SubscriberView(
      UUID id,
      String accountNumber,
      String name,
      String email,
      String phone,
      String address,
      String servicePlan,
      String radiusUsername,
      SubscriberStatus status,
      Instant createdAt) {

    static SubscriberView of(Subscriber s) {
      return new SubscriberView(
          s.id,
          s.accountNumber,
          s.name,
          s.email,
          s.phone,
          s.address,
          s.servicePlan,
          s.radiusUsername,
          s.status,
          s.createdAt);
    }
  }
}
