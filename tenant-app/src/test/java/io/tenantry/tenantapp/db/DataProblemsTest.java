package io.tenantry.tenantapp.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.common.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** How a failed statement becomes a problem: which constraints are the client's conflict. */
class DataProblemsTest {

  private final DataProblems mappers = new DataProblems();

  /** A failure as PostgreSQL reports it: severity, SQLSTATE, message and constraint fields. */
  private static DataException failure(String sqlState, String constraint) {
    return new DataException(
        new PSQLException(
            new ServerErrorMessage(
                "SERROR\0C" + sqlState + "\0Mstatement failed\0n" + constraint + "\0")));
  }

  private static Problem problem(Response response) {
    return (Problem) response.getEntity();
  }

  @Test
  void aUniqueViolationIsADuplicateNamingTheField() {
    Response response = mappers.data(failure("23505", "subscribers_account_number_key"));

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(problem(response).type()).isEqualTo("https://tenantry.io/problems/duplicate");
    assertThat(problem(response).extensions()).containsEntry("field", "accountNumber");
  }

  @Test
  void anotherIntegrityViolationIsAConflictNamingTheConstraintNotADuplicate() {
    Response response = mappers.data(failure("23503", "invoices_subscriber_id_fkey"));

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(problem(response).type()).isEqualTo("https://tenantry.io/problems/constraint");
    assertThat(problem(response).detail()).contains("invoices_subscriber_id_fkey");
  }

  @Test
  void anyOtherDatabaseFailureIsAnOpaque500() {
    Response response = mappers.data(failure("57014", "none"));

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(problem(response).detail()).doesNotContain("statement failed");
  }
}
