package io.tenantry.tenantapp.db;

import io.agroal.api.AgroalDataSource;
import io.tenantry.common.problem.ProblemException;
import io.tenantry.tenantapp.common.Enums;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant database through plain JDBC on the Agroal pool. The tenant app runs once per tenant,
 * so its idle footprint is multiplied by the number of tenants: Hibernate ORM cost 46 MiB of idle
 * RSS per instance (see docs/benchmarks.md) for a schema of eight tables that Flyway owns and that
 * the services read and write with a handful of statements each.
 *
 * <p>Inside {@code @Transactional} every call gets the connection enlisted in the transaction
 * (Agroal's JTA integration); closing it here hands it back to the transaction, not to the pool.
 */
@ApplicationScoped
public class Db {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection, PreparedStatement statement) throws SQLException;
  }

  /** Around a statement for {@link #listWithGenericPlan}: sent with it, one round trip. */
  private static final String GENERIC_PLAN_ON = "SET plan_cache_mode = force_generic_plan; ";

  /** Around a statement for {@link #listPlannedPerExecution}, like the generic plan's. */
  private static final String CUSTOM_PLAN_ON = "SET plan_cache_mode = force_custom_plan; ";

  private static final String PLAN_CACHE_MODE_RESET = "RESET plan_cache_mode";

  /** Around a statement for {@link #listWithGenericIndexScanPlan}, inside the generic plan's. */
  private static final String BITMAP_SCANS_OFF = "SET enable_bitmapscan = off; ";

  private static final String BITMAP_SCANS_RESET = "RESET enable_bitmapscan; ";

  private final AgroalDataSource dataSource;

  Db(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    return execute(sql, params, (connection, statement) -> rows(statement, mapper));
  }

  /**
   * {@link #list}, planned by the server for this execution's values every time: run with {@code
   * plan_cache_mode = force_custom_plan}, set and reset in the same round trip as {@link
   * #listWithGenericPlan} does. For a statement whose best plan depends on how common its values
   * are. The plan is the one an unnamed statement (prepare threshold 0) got, built from the same
   * parsed query with the same values; but the driver's named server-side statement keeps the
   * parsed and analysed query, where an unnamed one sent the whole text again to be parsed and
   * analysed on every execution: ~0.1–0.2 ms of PostgreSQL CPU for a misspelling phase's four-part
   * UNION ALL.
   */
  public <T> List<T> listPlannedPerExecution(String sql, RowMapper<T> mapper, Object... params) {
    return listWithSettings(CUSTOM_PLAN_ON, sql, PLAN_CACHE_MODE_RESET, mapper, params);
  }

  /**
   * {@link #list}, always run through the statement's generic plan, planned once per connection:
   * for a statement whose best plan does not depend on its values, when PostgreSQL's own choice
   * would keep planning it for each execution (it keeps custom plans while they look cheaper than
   * the generic one, as they do for values that match nothing). The setting holds for this
   * statement only, so no other statement on the pooled connection sees it: it is set and reset in
   * the same round trip, and reset on its own should the statement fail (the failure skips the
   * RESET sent after it).
   */
  public <T> List<T> listWithGenericPlan(String sql, RowMapper<T> mapper, Object... params) {
    return listWithSettings(GENERIC_PLAN_ON, sql, PLAN_CACHE_MODE_RESET, mapper, params);
  }

  /**
   * {@link #listWithGenericPlan}, planned without bitmap scans: for a statement that takes the
   * first rows of an index look-up under a LIMIT. A generic plan cannot know that a value is
   * common, and for an estimate of a few thousand rows it prefers a bitmap scan, which reads every
   * matching index entry before it returns a row (all 50,000 subscribers with a first name, at a
   * million, to keep 200); an index scan stops at the LIMIT. Set and reset like the plan cache
   * mode, in the same round trip.
   */
  public <T> List<T> listWithGenericIndexScanPlan(
      String sql, RowMapper<T> mapper, Object... params) {
    return listWithSettings(
        GENERIC_PLAN_ON + BITMAP_SCANS_OFF,
        sql,
        BITMAP_SCANS_RESET + PLAN_CACHE_MODE_RESET,
        mapper,
        params);
  }

  /**
   * {@code sql} between the statements that change settings for it and those that reset them, one
   * round trip; on failure (which skips the statements after it) the reset is sent on its own.
   */
  private <T> List<T> listWithSettings(
      String set, String sql, String reset, RowMapper<T> mapper, Object... params) {
    return execute(
        set + sql + "; " + reset,
        params,
        (connection, statement) -> {
          try {
            return resultRows(statement, mapper);
          } catch (SQLException e) {
            try (var resetAlone = connection.createStatement()) {
              resetAlone.execute(reset);
            } catch (SQLException resetFailed) {
              // in an aborted transaction the rollback undoes the SET anyway; the first error tells
              e.addSuppressed(resetFailed);
            }
            throw e;
          }
        });
  }

  /** The rows of the one result set among a multi-statement's update counts. */
  private static <T> List<T> resultRows(PreparedStatement statement, RowMapper<T> mapper)
      throws SQLException {
    boolean isRows = statement.execute();
    List<T> out = new ArrayList<>();
    while (isRows || statement.getUpdateCount() != -1) {
      if (isRows) {
        try (ResultSet rows = statement.getResultSet()) {
          mapInto(out, rows, mapper);
        }
      }
      isRows = statement.getMoreResults();
    }
    return out;
  }

  /** The first row, for queries by a unique key. */
  public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
    return list(sql, mapper, params).stream().findFirst();
  }

  /** A query whose single row and column is a number, such as {@code count(*)}. */
  public long count(String sql, Object... params) {
    return first(sql, row -> row.getLong(1), params).orElseThrow();
  }

  /** The row of {@code table} with this id, or a 404 naming it. */
  public <E> E get(Table<E> table, UUID id) {
    return first(table.select() + " WHERE " + table.keyName() + " = ?", table.mapper(), id)
        .orElseThrow(() -> ProblemException.notFound(table.what(), id));
  }

  /**
   * The row with this id, locked until the transaction ends, or a 404: changes that read a row
   * before writing it apply one after the other instead of the last one undoing the first.
   */
  public <E> E lock(Table<E> table, UUID id) {
    return first(
            table.select() + " WHERE " + table.keyName() + " = ? FOR UPDATE", table.mapper(), id)
        .orElseThrow(() -> ProblemException.notFound(table.what(), id));
  }

  /** Whether {@code table} (a name from code, never from input) has a row with this id. */
  public boolean exists(String table, UUID id) {
    return !list("SELECT 1 FROM " + table + " WHERE id = ?", row -> true, id).isEmpty();
  }

  /** Inserts {@code row} into {@code table}, every column. */
  public <E> void insert(Table<E> table, E row) {
    update(table.insert(), table.insertValues(row));
  }

  /** Inserts the rows in one round trip. */
  public <E> void insertAll(Table<E> table, List<E> rows) {
    batch(table.insert(), rows.stream().map(table::insertValues).toList());
  }

  /** Writes every column of {@code row} that is not fixed; returns the rows it changed. */
  public <E> int update(Table<E> table, E row) {
    return update(table.update(), table.updateValues(row));
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
  public int update(String sql, Object... params) {
    return execute(sql, params, (connection, statement) -> statement.executeUpdate());
  }

  /** Runs one statement for each parameter row, in one round trip. */
  private void batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    execute(
        sql,
        new Object[0],
        (connection, statement) -> {
          for (Object[] row : rows) {
            bind(connection, statement, row);
            statement.addBatch();
          }
          return statement.executeBatch();
        });
  }

  private static <T> List<T> rows(PreparedStatement statement, RowMapper<T> mapper)
      throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      return mapInto(new ArrayList<>(), rows, mapper);
    }
  }

  private static <T> List<T> mapInto(List<T> out, ResultSet rows, RowMapper<T> mapper)
      throws SQLException {
    while (rows.next()) {
      out.add(mapper.map(rows));
    }
    return out;
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static UUID uuid(ResultSet row, String column) throws SQLException {
    return row.getObject(column, UUID.class);
  }

  /** Enums are stored as their wire value, {@code toString()}. */
  static <S extends Enum<S>> S enumOf(Class<S> type, ResultSet row, String column)
      throws SQLException {
    return Enums.parse(type, column, row.getString(column));
  }

  private <T> T execute(String sql, Object[] params, Work<T> work) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(connection, statement, params);
      return work.run(connection, statement);
    } catch (SQLException e) {
      throw new DataException(e);
    }
  }

  private static void bind(Connection connection, PreparedStatement statement, Object[] params)
      throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] == null) {
        // untyped: the server infers the type from where the parameter is used
        statement.setNull(i + 1, Types.NULL);
      } else {
        statement.setObject(i + 1, value(connection, params[i]));
      }
    }
  }

  /** JDBC has no mapping for Instant and enums; pgjdbc takes UUID arrays as SQL arrays. */
  private static Object value(Connection connection, Object param) throws SQLException {
    return switch (param) {
      case Instant instant -> instant.atOffset(ZoneOffset.UTC);
      case Enum<?> constant -> constant.toString();
      case UUID[] ids -> connection.createArrayOf("uuid", ids);
      default -> param;
    };
  }
}
