package io.tenantry.tenantapp.db;

import static io.tenantry.tenantapp.db.Column.Reader.ID;
import static io.tenantry.tenantapp.db.Column.Reader.TEXT;
import static io.tenantry.tenantapp.db.Column.Reader.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every statement on a table follows from its one list of columns. */
class TableTest {

  static class Note {
    UUID id;
    String title;
    UUID authorId;
    Instant createdAt;
  }

  static final Table<Note> NOTES =
      Table.of("notes", "note", Note::new)
          .key("id", n -> n.id, (n, v) -> n.id = v)
          .column("title", TEXT, n -> n.title, (n, v) -> n.title = v)
          .column("author_id", ID, n -> n.authorId, (n, v) -> n.authorId = v)
          .fixed("created_at", TIMESTAMP, n -> n.createdAt, (n, v) -> n.createdAt = v)
          .build();

  private static Note note() {
    Note n = new Note();
    n.id = UUID.randomUUID();
    n.title = "hello";
    n.authorId = UUID.randomUUID();
    n.createdAt = Instant.parse("2026-01-01T00:00:00Z");
    return n;
  }

  @Test
  void selectListsTheKeyThenEveryColumnInDeclaredOrder() {
    assertThat(NOTES.select()).isEqualTo("SELECT id, title, author_id, created_at FROM notes");
  }

  @Test
  void insertWritesEveryColumnFromTheRowInTheSameOrder() {
    Note n = note();

    assertThat(NOTES.insert())
        .isEqualTo("INSERT INTO notes (id, title, author_id, created_at) VALUES (?, ?, ?, ?)");
    assertThat(NOTES.insertValues(n)).containsExactly(n.id, n.title, n.authorId, n.createdAt);
  }

  @Test
  void updateWritesEveryColumnButTheKeyAndTheFixedOnesAndFindsTheRowByItsKey() {
    Note n = note();

    assertThat(NOTES.update()).isEqualTo("UPDATE notes SET title = ?, author_id = ? WHERE id = ?");
    assertThat(NOTES.updateValues(n)).containsExactly(n.title, n.authorId, n.id);
  }

  private static final Table<Note> KEYLESS =
      Table.of("notes", "note", Note::new)
          .fixed("title", TEXT, n -> n.title, (n, v) -> n.title = v)
          .build();

  @Test
  void aTableWithoutAKeyHasNoUpdate() {
    assertThatThrownBy(KEYLESS::update).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTableWithoutAKeyHasNoRowById() {
    assertThatThrownBy(KEYLESS::keyName).isInstanceOf(IllegalStateException.class);
  }
}
