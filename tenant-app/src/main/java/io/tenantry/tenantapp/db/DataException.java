package io.tenantry.tenantapp.db;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** A failed statement, unchecked so that it rolls the transaction back on its way out. */
public class DataException extends RuntimeException {

  public DataException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** SQLSTATE 23505: another row already has this unique value. */
  public boolean uniqueViolation() {
    return "23505".equals(sqlState());
  }

  /** SQLSTATE class 23: a unique, foreign-key, check or not-null constraint refused the row. */
  public boolean integrityViolation() {
    return sqlState() != null && sqlState().startsWith("23");
  }

  private String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }

  /** The name of the constraint PostgreSQL reports, when it reports one. */
  public Optional<String> constraint() {
    return getCause() instanceof PSQLException e
        ? Optional.ofNullable(e.getServerErrorMessage()).map(ServerErrorMessage::getConstraint)
        : Optional.empty();
  }
}
