package io.tenantry.tenantapp.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL written with {@code :name} parameters, compiled once to JDBC's positional ones. String
 * literals ({@code '[[:alpha:]]'}) and casts ({@code ::text}) are left alone.
 */
public record NamedSql(String sql, List<String> names) {

  private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

  public static NamedSql of(String sql) {
    List<String> names = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    // even pieces are outside quotes, odd ones inside; '' inside a literal splits it into two
    // adjacent odd-even-odd pieces whose middle is empty, so no parameter is ever found there
    String[] pieces = sql.split("'", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        out.append('\'');
      }
      if (i % 2 == 1) {
        out.append(pieces[i]);
        continue;
      }
      Matcher m = PARAMETER.matcher(pieces[i]);
      while (m.find()) {
        names.add(m.group(1));
        m.appendReplacement(out, "?");
      }
      m.appendTail(out);
    }
    return new NamedSql(out.toString(), List.copyOf(names));
  }

  /** The values in parameter order; a name without a value is a bug in the caller. */
  public Object[] bind(Map<String, ?> values) {
    Object[] params = new Object[names.size()];
    for (int i = 0; i < params.length; i++) {
      if (!values.containsKey(names.get(i))) {
        throw new IllegalArgumentException("no value for :" + names.get(i));
      }
      params[i] = values.get(names.get(i));
    }
    return params;
  }
}
