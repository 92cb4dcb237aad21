package io.tenantry.tenantapp.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The expand/contract rule for the tenant app's Flyway scripts (docs/operations.md, "Schema changes
 * across versions"): version N−1 keeps running on schema N during a rollout and after a rollback,
 * so a script may only add. A statement that removes or tightens what a running version reads or
 * writes is a contract step, allowed only in a script marked {@code -- contract step: release
 * <version> stopped reading <what>}, naming the first release that no longer used it.
 */
final class MigrationRules {

  /** One refused statement: the rule it breaks and the statement, normalised. */
  record Violation(String script, String rule, String statement) {}

  private record Rule(String name, Pattern pattern) {}

  private static final List<Rule> CONTRACT_RULES =
      List.of(
          rule(
              "drop-object",
              "\\bDROP\\s+(TABLE|VIEW|MATERIALIZED\\s+VIEW|SCHEMA|TYPE|FUNCTION|SEQUENCE)\\b"),
          rule("drop-column", "\\bDROP\\s+COLUMN\\b"),
          rule("rename", "\\bRENAME\\b"),
          rule("change-type", "\\bALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE\\b"),
          // The app's INSERT names every column it knows, so a default does not spare the
          // running version a NOT NULL on a column it writes as null.
          rule("set-not-null", "\\bSET\\s+NOT\\s+NULL\\b"),
          rule("drop-default", "\\bDROP\\s+DEFAULT\\b"),
          // A new rule on an existing table refuses rows the running version may still write.
          rule(
              "add-constraint",
              "\\bALTER\\s+TABLE\\b.*\\bADD\\s+(CONSTRAINT|CHECK|UNIQUE|FOREIGN\\s+KEY|PRIMARY\\s+KEY|EXCLUDE)\\b"));

  private static final Pattern ADD_COLUMN =
      Pattern.compile(
          "\\bADD\\s+(?!CONSTRAINT\\b|CHECK\\b|UNIQUE\\b|FOREIGN\\b|PRIMARY\\b|EXCLUDE\\b)");

  /** The marker: the release (an image tag) that stopped reading what the script removes. */
  private static final Pattern CONTRACT_MARKER =
      Pattern.compile(
          "^\\s*--\\s*contract step:\\s*release\\s+[A-Za-z0-9_][A-Za-z0-9._-]{0,127}\\s+stopped reading\\s+\\S.*$",
          Pattern.MULTILINE);

  private static Rule rule(String name, String regex) {
    return new Rule(name, Pattern.compile(regex, Pattern.DOTALL));
  }

  private MigrationRules() {}

  static boolean isMarkedContractStep(String sql) {
    return CONTRACT_MARKER.matcher(sql).find();
  }

  /** The contract statements of {@code sql}; none when the script is a marked contract step. */
  static List<Violation> check(String script, String sql) {
    if (isMarkedContractStep(sql)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    for (String statement : statements(sql)) {
      for (Rule rule : CONTRACT_RULES) {
        if (rule.pattern().matcher(statement).find()) {
          violations.add(new Violation(script, rule.name(), statement));
        }
      }
      if (addsRequiredColumnWithoutDefault(statement)) {
        violations.add(new Violation(script, "add-not-null-without-default", statement));
      }
    }
    return violations;
  }

  /** {@code ADD COLUMN x int NOT NULL} without a default fails on every existing row. */
  private static boolean addsRequiredColumnWithoutDefault(String statement) {
    if (!statement.startsWith("ALTER TABLE")) {
      return false;
    }
    for (String action : topLevelParts(statement)) {
      if (ADD_COLUMN.matcher(action).find()
          && action.matches(".*\\bNOT\\s+NULL\\b.*")
          && !action.matches(".*\\bDEFAULT\\b.*")) {
        return true;
      }
    }
    return false;
  }

  /** The comma-separated actions of an ALTER TABLE; commas inside parentheses do not split. */
  private static List<String> topLevelParts(String statement) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(statement.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(statement.substring(start));
    return parts;
  }

  /**
   * The script's statements, upper-cased with whitespace collapsed, without comments and string
   * literals, so neither a comment nor a quoted word reads as a statement.
   */
  static List<String> statements(String sql) {
    String code =
        sql.replaceAll("(?s)/\\*.*?\\*/", " ")
            .replaceAll("--[^\\n]*", " ")
            .replaceAll("'(?:[^']|'')*'", "''");
    List<String> statements = new ArrayList<>();
    for (String statement : code.split(";")) {
      String normalised = statement.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
      if (!normalised.isEmpty()) {
        statements.add(normalised);
      }
    }
    return statements;
  }
}
