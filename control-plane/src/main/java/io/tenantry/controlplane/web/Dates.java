package io.tenantry.controlplane.web;

import java.time.Instant;

/**
 * The instants the platform stores: ISO-8601 parses years up to ±999,999,999, PostgreSQL's
 * timestamptz does not, so a date outside this range is a 400 naming the field, not a failed
 * insert.
 */
public final class Dates {

  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
  public static final String RANGE_RULE = "must lie between 1970-01-01 and 9999-12-31";

  private Dates() {}

  public static boolean inRange(Instant value) {
    return !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
  }
}
