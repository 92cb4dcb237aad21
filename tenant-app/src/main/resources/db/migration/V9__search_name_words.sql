-- Misspelt names by the words they correct to (see SearchSql and docs/benchmarks.md).
--
-- A typo that changes how a name sounds ("Jhon iDallo", "Mary Kamvu") fell through to a trigram
-- scan of every subscriber's name: every row sharing a common first name's trigrams is a
-- candidate, so one such search read tens of thousands of rows (0.1-0.5 s at a million
-- subscribers). Instead, each word of the query is corrected against the words names are made
-- of, a vocabulary far smaller than the subscribers, and the subscribers are then looked up by
-- those words through the Soundex B-trees of V5.
--
-- The vocabulary holds every first and last word of a name (lower-case, as the Soundex indexes
-- split them), each under its own text and, for words of three letters or more, under each text
-- with one letter deleted. Two words within one substitution, insertion, deletion or swap of
-- neighbours share such a key ("idallo" and "diallo" both give "dallo"), so correcting a query
-- word is an index look-up of its own keys, however large the vocabulary. Words are never removed
-- when a name changes: a word no subscriber has any more only leads to an empty look-up.
CREATE FUNCTION search_word_keys(word text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT word
    UNION
    SELECT overlay(word PLACING '' FROM i FOR 1)
    FROM generate_series(1, char_length(word)) i
    WHERE char_length(word) >= 3
$$;

CREATE TABLE subscriber_name_words (
    key  text NOT NULL,
    word text NOT NULL,
    PRIMARY KEY (key, word)
);

-- statement-level with the new rows as a table: the demo data generator inserts a million
-- subscribers in one statement, and the vocabulary then costs one DISTINCT over them
CREATE FUNCTION subscriber_name_words_add() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO subscriber_name_words (key, word)
    SELECT DISTINCT k.key, w.word
    FROM (SELECT lower(substring(name FROM '[[:alpha:]]+')) AS word FROM changed
          UNION
          SELECT lower(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$')) FROM changed) w,
         search_word_keys(w.word) k(key)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER subscribers_name_words_insert
    AFTER INSERT ON subscribers REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION subscriber_name_words_add();
-- a transition table cannot be combined with UPDATE OF name: every update adds its rows' words,
-- which costs a few index probes when they are already known
CREATE TRIGGER subscribers_name_words_update
    AFTER UPDATE ON subscribers REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION subscriber_name_words_add();

INSERT INTO subscriber_name_words (key, word)
SELECT DISTINCT k.key, w.word
FROM (SELECT lower(substring(name FROM '[[:alpha:]]+')) AS word FROM subscribers
      UNION
      SELECT lower(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$')) FROM subscribers) w,
     search_word_keys(w.word) k(key)
ON CONFLICT DO NOTHING;

ANALYZE subscriber_name_words;
