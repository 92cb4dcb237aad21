package io.tenantry.tenantapp.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

  @Test
  void namesBecomePositionalParametersInOrderOfAppearanceRepeatsIncluded() {
    NamedSql sql = NamedSql.of("SELECT * FROM t WHERE a = :a AND b > :b OR a = :a LIMIT :limit");

    assertThat(sql.sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b > ? OR a = ? LIMIT ?");
    assertThat(sql.names()).containsExactly("a", "b", "a", "limit");
    assertThat(sql.bind(Map.of("a", 1, "b", "x", "limit", 5))).containsExactly(1, "x", 1, 5);
  }

  @Test
  void castsAndStringLiteralsAreNotParameters() {
    NamedSql sql =
        NamedSql.of(
            "SELECT n::text, substring(s FROM '[[:alpha:]]+'), 'it''s :not' || :tag FROM t");

    assertThat(sql.sql())
        .isEqualTo("SELECT n::text, substring(s FROM '[[:alpha:]]+'), 'it''s :not' || ? FROM t");
    assertThat(sql.names()).containsExactly("tag");
  }

  @Test
  void aMissingValueIsRefusedRatherThanBoundAsNull() {
    NamedSql sql = NamedSql.of("SELECT :a, :b");

    assertThatThrownBy(() -> sql.bind(Map.of("a", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(":b");
  }
}
