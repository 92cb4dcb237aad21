package io.tenantry.tenantapp.db;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list; {@code nextCursor} is absent on the last page, {@code prevCursor} on the
 * first (and on a page reached without a cursor).
 */
public record Page<T>(List<T> items, String nextCursor, String prevCursor) {

  public Page(List<T> items, String nextCursor) {
    this(items, nextCursor, null);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor, prevCursor);
  }
}
