package io.tenantry.tenantapp.db;

import java.util.function.Function;

/**
 * A column a list may be sorted by: its SQL name, how to read it from a row, and how to read it
 * back from a cursor.
 */
public record SortField<E>(
    String column, Function<E, Object> getter, Function<String, Object> parser) {

  public static <E> SortField<E> text(String column, Function<E, Object> getter) {
    return new SortField<>(column, getter, s -> s);
  }

  public static <E> SortField<E> instant(String column, Function<E, Object> getter) {
    return new SortField<>(column, getter, java.time.Instant::parse);
  }

  public static <E> SortField<E> date(String column, Function<E, Object> getter) {
    return new SortField<>(column, getter, java.time.LocalDate::parse);
  }
}
