package io.tenantry.tenantapp.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A table declared once: its name, what one row is called in problems ("subscriber"), and its
 * columns, each bound to a field of the row object. The SELECT list, the INSERT, the UPDATE and the
 * row mapping all follow from that one list, so a column is added (or renamed) in one place.
 *
 * <p>The key column {@code id}, where a table has one, identifies the row in {@link Db#get}, {@link
 * Db#lock} and {@link Db#update(Table, Object)}; an UPDATE writes every column that is not fixed.
 * Every change locks its row first ({@link Db#lock}), so writing the columns it left unchanged
 * writes back what it read.
 */
public final class Table<E> {

  private final String name;
  private final String what;
  private final Supplier<E> newRow;
  private final Column<E, UUID> key;
  private final List<Column<E, ?>> columns;
  private final String select;
  private final String insert;
  private final String update;

  private Table(
      String name, String what, Supplier<E> newRow, Column<E, UUID> key, List<Column<E, ?>> rest) {
    this.name = name;
    this.what = what;
    this.newRow = newRow;
    this.key = key;
    this.columns = key == null ? List.copyOf(rest) : concat(List.of(key), rest);
    String names = String.join(", ", columns.stream().map(Column::name).toList());
    this.select = "SELECT " + names + " FROM " + name;
    this.insert =
        "INSERT INTO %s (%s) VALUES (%s)"
            .formatted(name, names, String.join(", ", columns.stream().map(c -> "?").toList()));
    List<String> set = updated().map(c -> c.name() + " = ?").toList();
    this.update =
        key == null || set.isEmpty()
            ? null
            : "UPDATE %s SET %s WHERE %s = ?".formatted(name, String.join(", ", set), key.name());
  }

  /** Starts the declaration of table {@code name}, whose rows are made by {@code newRow}. */
  public static <E> Builder<E> of(String name, String what, Supplier<E> newRow) {
    return new Builder<>(name, what, newRow);
  }

  public String name() {
    return name;
  }

  public String what() {
    return what;
  }

  /** {@code SELECT <columns> FROM <name>}, to which callers add their clauses. */
  public String select() {
    return select;
  }

  /** Reads one row: every column of {@link #select()}, by name. */
  public Db.RowMapper<E> mapper() {
    return this::read;
  }

  String insert() {
    return insert;
  }

  Object[] insertValues(E row) {
    return columns.stream().map(c -> c.value(row)).toArray();
  }

  String update() {
    if (update == null) {
      throw new IllegalStateException(name + " has no key or no column an update may write");
    }
    return update;
  }

  Object[] updateValues(E row) {
    return Stream.concat(updated().map(c -> c.value(row)), Stream.of(key.value(row))).toArray();
  }

  /** The key column's name, for {@code WHERE <key> = ?}. */
  String keyName() {
    if (key == null) {
      throw new IllegalStateException(name + " has no key column");
    }
    return key.name();
  }

  private Stream<Column<E, ?>> updated() {
    return columns.stream().filter(c -> c != key && !c.fixed());
  }

  private E read(ResultSet row) throws SQLException {
    E into = newRow.get();
    for (Column<E, ?> column : columns) {
      column.read(row, into);
    }
    return into;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /** Declares the columns in the order SELECT and INSERT list them. */
  public static final class Builder<E> {

    private final String name;
    private final String what;
    private final Supplier<E> newRow;
    private Column<E, UUID> key;
    private final List<Column<E, ?>> columns = new ArrayList<>();

    private Builder(String name, String what, Supplier<E> newRow) {
      this.name = name;
      this.what = what;
      this.newRow = newRow;
    }

    /** The {@code uuid} key column; a row's key never changes. */
    public Builder<E> key(String column, Function<E, UUID> get, BiConsumer<E, UUID> set) {
      key = new Column<>(column, Column.Reader.ID, get, set, true);
      return this;
    }

    /** A column that updates write. */
    public <V> Builder<E> column(
        String column, Column.Reader<V> reader, Function<E, V> get, BiConsumer<E, V> set) {
      columns.add(new Column<>(column, reader, get, set, false));
      return this;
    }

    /** A column written once, by the INSERT: creation times, values that identify the row. */
    public <V> Builder<E> fixed(
        String column, Column.Reader<V> reader, Function<E, V> get, BiConsumer<E, V> set) {
      columns.add(new Column<>(column, reader, get, set, true));
      return this;
    }

    public Table<E> build() {
      return new Table<>(name, what, newRow, key, columns);
    }
  }
}
