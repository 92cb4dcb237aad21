package io.tenantry.tenantapp.db;

/**
 * A table's name, what one row is called in problems ("subscriber"), the columns its rows are read
 * from, and how one row is read.
 */
public record Table<E>(String name, String what, String columns, Db.RowMapper<E> mapper) {

  /** {@code SELECT <columns> FROM <name>}, to which callers add their clauses. */
  public String select() {
    return "SELECT " + columns + " FROM " + name;
  }
}
