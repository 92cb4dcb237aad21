package io.tenantry.tenantapp.db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One column of a {@link Table}: its name, how its value is read from a result set, and the field
 * of the row object that holds it. A {@code fixed} column is written when the row is inserted and
 * never updated.
 */
public record Column<E, V>(
    String name, Reader<V> reader, Function<E, V> get, BiConsumer<E, V> set, boolean fixed) {

  /** Reads the value of a column, by name, from the current row. */
  @FunctionalInterface
  public interface Reader<V> {
    V read(ResultSet row, String column) throws SQLException;

    Reader<String> TEXT = ResultSet::getString;

    /** A {@code uuid}: a key, or a reference to one. */
    Reader<UUID> ID = Db::uuid;

    /** A {@code timestamptz}. */
    Reader<Instant> TIMESTAMP = Db::instant;

    Reader<LocalDate> DATE = (row, column) -> row.getObject(column, LocalDate.class);
    Reader<BigDecimal> NUMERIC = ResultSet::getBigDecimal;
    Reader<Integer> INTEGER = ResultSet::getInt;
    Reader<Long> BIGINT = ResultSet::getLong;
    Reader<Boolean> BOOLEAN = ResultSet::getBoolean;

    /** Enums are stored as their wire value, {@code toString()}. */
    static <S extends Enum<S>> Reader<S> enumOf(Class<S> type) {
      return (row, column) -> Db.enumOf(type, row, column);
    }
  }

  void read(ResultSet row, E into) throws SQLException {
    set.accept(into, reader.read(row, name));
  }

  Object value(E row) {
    return get.apply(row);
  }
}
