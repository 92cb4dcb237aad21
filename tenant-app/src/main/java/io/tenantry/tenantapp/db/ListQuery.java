package io.tenantry.tenantapp.db;

import io.tenantry.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination over one entity: filters, one sort column plus {@code id} as tie-breaker, and
 * opaque cursors holding the key of the last row (the next page) or the first row (the previous).
 * Rows inserted while a client pages never shift the pages it has yet to read, unlike OFFSET.
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
    Cursor key = cursor == null ? null : Cursor.decode(cursor, sort);
    boolean backward = key != null && key.before();
    // the page before a row is the same query with the comparison and the order turned round
    boolean down = descending != backward;
    List<String> where = new ArrayList<>(clauses);
    List<Object> bound = new ArrayList<>(params);
    if (key != null) {
      // a row comparison, which the (column, id) index of every sortable column serves
      where.add("(%s, id) %s (?, ?)".formatted(field.column(), down ? "<" : ">"));
      bound.add(parse(field, key.value()));
      bound.add(key.id());
    }
    String direction = down ? "DESC" : "ASC";
    String sql =
        table.select()
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY %s %s, id %s LIMIT ?".formatted(field.column(), direction, direction);
    bound.add(limit + 1);
    List<E> rows = db.list(sql, table.mapper(), bound.toArray());
    boolean more = rows.size() > limit;
    List<E> page = new ArrayList<>(more ? rows.subList(0, limit) : rows);
    if (backward) {
      Collections.reverse(page);
    }
    // forwards, "more" means rows after the page and the cursor's row lies before it; backwards,
    // the other way round
    boolean after = backward ? !page.isEmpty() : more;
    boolean before = backward ? more : key != null && !page.isEmpty();
    return new Page<>(
        List.copyOf(page),
        after ? cursorAt(sort, field, page.getLast(), false) : null,
        before ? cursorAt(sort, field, page.getFirst(), true) : null);
  }

  private String cursorAt(String sort, SortField<E> field, E row, boolean before) {
    return new Cursor(sort, String.valueOf(field.getter().apply(row)), idOf.apply(row), before)
        .encode();
  }

  private static <E> Object parse(SortField<E> field, String value) {
    try {
      return field.parser().apply(value);
    } catch (RuntimeException e) {
      throw ProblemException.invalid("cursor", "is not a cursor issued by this list");
    }
  }

  /**
   * A row's sort key, bound to the sort it was issued for: the page after that row, or with {@code
   * before} the page before it.
   */
  record Cursor(String sort, String value, UUID id, boolean before) {

    private static final String BEFORE = "before:";

    String encode() {
      String raw = (before ? BEFORE : "") + sort + "\n" + value + "\n" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String encoded, String expectedSort) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        int first = raw.indexOf('\n');
        int last = raw.lastIndexOf('\n');
        if (first < 0 || first == last) {
          throw ProblemException.invalid("cursor", "is not a cursor issued by this list");
        }
        String issuedFor = raw.substring(0, first);
        boolean before = issuedFor.startsWith(BEFORE);
        if (!(before ? issuedFor.substring(BEFORE.length()) : issuedFor).equals(expectedSort)) {
          throw ProblemException.invalid("cursor", "was issued for a different sort or list");
        }
        return new Cursor(
            expectedSort,
            raw.substring(first + 1, last),
            UUID.fromString(raw.substring(last + 1)),
            before);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("cursor", "is not a cursor issued by this list");
      }
    }
  }
}
