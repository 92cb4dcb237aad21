package io.tenantry.tenantapp.common;

import java.util.function.Function;

/**
 * A column a list may be sorted by: its JPQL path, how to read it from an entity, and how to read
 * it back from a cursor.
 */
public record SortField<E>(
    String path, Function<E, Object> getter, Function<String, Object> parser) {

  public static <E> SortField<E> text(String path, Function<E, Object> getter) {
    return new SortField<>(path, getter, s -> s);
  }

  public static <E> SortField<E> instant(String path, Function<E, Object> getter) {
    return new SortField<>(path, getter, java.time.Instant::parse);
  }

  public static <E> SortField<E> date(String path, Function<E, Object> getter) {
    return new SortField<>(path, getter, java.time.LocalDate::parse);
  }
}
