package io.tenantry.tenantapp.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.tenantry.tenantapp.common.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/**
 * Lower-case constants are the API and database values, except {@code void}, a Java keyword: {@link
 * #toString()} gives the wire value for all of them.
 */
public enum InvoiceStatus implements Lifecycle<InvoiceStatus> {
  draft,
  issued,
  paid,
  overdue,
  void_;

  @Override
  public Set<InvoiceStatus> next() {
    return switch (this) {
      case draft -> EnumSet.of(issued, void_);
      case issued -> EnumSet.of(paid, overdue, void_);
      case overdue -> EnumSet.of(paid, void_);
      case paid, void_ -> EnumSet.noneOf(InvoiceStatus.class);
    };
  }

  @JsonValue
  @Override
  public String toString() {
    return this == void_ ? "void" : name();
  }
}
