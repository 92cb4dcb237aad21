package io.tenantry.tenantapp.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The searches staff type, generated from the benchmark's own rows: for each sampled subscriber a
 * misspelt name, the start of the e-mail address, a fragment of the account number, a fragment of
 * the phone number and the whole RADIUS username; and random strings that match nothing. The sample
 * is reproducible ({@code REPEATABLE}, a fixed {@link Random}, no synchronized scan) so two runs
 * ask the same questions.
 */
final class QuerySet {

  record Query(String kind, String text) {}

  private QuerySet() {}

  static List<Query> generate(DataSource dataSource, int count, Random random) throws SQLException {
    int kinds = 6;
    int perKind = Math.max(1, count / kinds);
    List<Query> queries = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      // a sequential scan may start where another one running on the table is (synchronized
      // scans, on by default), and then LIMIT keeps other sampled rows: another query set
      statement.execute("SET synchronize_seqscans = off");
      statement.execute("SELECT setseed(0.42)");
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT name, email, account_number, phone, radius_username FROM subscribers"
                  + " TABLESAMPLE BERNOULLI (1) REPEATABLE (42) LIMIT "
                  + perKind)) {
        while (rows.next()) {
          queries.add(new Query("misspelt name", misspell(rows.getString(1), random)));
          String email = rows.getString(2);
          int at = email.indexOf('@');
          queries.add(
              new Query("e-mail part", email.substring(0, Math.min(email.length(), at + 5))));
          String account = rows.getString(3);
          queries.add(new Query("account fragment", account.substring(account.length() - 6)));
          String digits = rows.getString(4) == null ? "" : rows.getString(4).replaceAll("\\D", "");
          if (digits.length() >= 7) {
            queries.add(new Query("phone fragment", digits.substring(digits.length() - 7)));
          }
          queries.add(new Query("radius username", rows.getString(5)));
          queries.add(new Query("miss", miss(random)));
        }
      }
      statement.execute("RESET synchronize_seqscans");
    }
    if (queries.isEmpty()) {
      throw new IllegalStateException("no subscribers to draw queries from");
    }
    return queries;
  }

  /** One typing slip: two neighbouring letters swapped, or one letter replaced. */
  static String misspell(String name, Random random) {
    char[] chars = name.toCharArray();
    int i = 1 + random.nextInt(Math.max(1, chars.length - 2));
    if (random.nextBoolean() && i + 1 < chars.length) {
      char c = chars[i];
      chars[i] = chars[i + 1];
      chars[i + 1] = c;
    } else {
      chars[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }

  private static String miss(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      text.append("qxzjvwk".charAt(random.nextInt(7)));
    }
    return text.toString();
  }

  static String describe(List<Query> queries) {
    Map<String, Long> counts =
        queries.stream()
            .collect(Collectors.groupingBy(Query::kind, TreeMap::new, Collectors.counting()));
    return queries.size() + " queries " + counts;
  }
}
