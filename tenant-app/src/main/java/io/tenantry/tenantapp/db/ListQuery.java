package io.tenantry.tenantapp.db;

import io.tenantry.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination over one entity: filters, one sort column plus {@code id} as tie-breaker, and
 * an opaque cursor holding the last row's key. Rows inserted while a client pages never shift the
 * pages it has yet to read, unlike OFFSET.
 */
public final class ListQuery<E> {

  public static final int MAX_LIMIT = 200;

  private final Table<E> table;
  private final Map<String, SortField<E>> sortFields;
  private final Function<E, UUID> idOf;
  private final List<String> clauses = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  public ListQuery(Table<E> table, Map<String, SortField<E>> sortFields, Function<E, UUID> idOf) {
    this.table = table;
    this.sortFields = sortFields;
    this.idOf = idOf;
  }

  /** Adds {@code clause} (SQL with one {@code ?}) when {@code value} is present. */
  public ListQuery<E> filter(String clause, Object value) {
    if (value != null) {
      clauses.add(clause);
      params.add(value);
    }
    return this;
  }

  /** Adds a clause that needs no parameter. */
  public ListQuery<E> where(String clause) {
    clauses.add(clause);
    return this;
  }

  public Page<E> fetch(Db db, String sort, String cursor, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    boolean descending = sort.startsWith("-");
    String sortName = descending ? sort.substring(1) : sort;
    SortField<E> field = sortFields.get(sortName);
    if (field == null) {
      throw ProblemException.invalid(
          "sort", "must be one of " + sortFields.keySet() + ", optionally prefixed with '-'");
    }
    List<String> where = new ArrayList<>(clauses);
    List<Object> bound = new ArrayList<>(params);
    if (cursor != null) {
      Cursor key = Cursor.decode(cursor, sort);
      // a row comparison, which the (column, id) index of every sortable column serves
      where.add("(%s, id) %s (?, ?)".formatted(field.column(), descending ? "<" : ">"));
      bound.add(parse(field, key.value()));
      bound.add(key.id());
    }
    String direction = descending ? "DESC" : "ASC";
    String sql =
        table.select()
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY %s %s, id %s LIMIT ?".formatted(field.column(), direction, direction);
    bound.add(limit + 1);
    List<E> rows = db.list(sql, table.mapper(), bound.toArray());
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<E> page = rows.subList(0, limit);
    E last = page.getLast();
    return new Page<>(
        List.copyOf(page),
        new Cursor(sort, String.valueOf(field.getter().apply(last)), idOf.apply(last)).encode());
  }

  private static <E> Object parse(SortField<E> field, String value) {
    try {
      return field.parser().apply(value);
    } catch (RuntimeException e) {
      throw ProblemException.invalid("cursor", "is not a cursor issued by this list");
    }
  }

  /** The last row's sort key, bound to the sort it was issued for. */
  record Cursor(String sort, String value, UUID id) {

    String encode() {
      String raw = sort + "\n" + value + "\n" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String encoded, String expectedSort) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        int first = raw.indexOf('\n');
        int last = raw.lastIndexOf('\n');
        if (first < 0 || first == last || !raw.substring(0, first).equals(expectedSort)) {
          throw ProblemException.invalid("cursor", "was issued for a different sort or list");
        }
        return new Cursor(
            expectedSort, raw.substring(first + 1, last), UUID.fromString(raw.substring(last + 1)));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("cursor", "is not a cursor issued by this list");
      }
    }
  }
}
