package io.tenantry.tenantapp.subscribers;

import io.tenantry.tenantapp.common.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/** Lower-case constants: they are the API and database values as they stand. */
public enum SubscriberStatus implements Lifecycle<SubscriberStatus> {
  pending,
  active,
  suspended,
  disconnected,
  terminated;

  @Override
  public Set<SubscriberStatus> next() {
    return switch (this) {
      case pending -> EnumSet.of(active, terminated);
      case active -> EnumSet.of(suspended, disconnected, terminated);
      case suspended -> EnumSet.of(active, disconnected, terminated);
      case disconnected -> EnumSet.of(active, terminated);
      case terminated -> EnumSet.noneOf(SubscriberStatus.class);
    };
  }
}
