-- Corrected name words looked up as words (see NameWords and docs/benchmarks.md).
--
-- The corrected-words phase (V9) looks subscribers up by a first and last word it already knows
-- exactly, yet only the Soundex B-trees of V5 served it: a Soundex code shared by two names
-- ("Mensah" and another that sounds alike) holds thousands of rows that the exact words then
-- filter one by one (5,000 index entries, then 400 heap rows read to keep 200, 1.5-2.8 ms per
-- search at a million subscribers). These B-trees hold each word after its Soundex code, so the
-- phase's conditions (the Soundex of each word and the word itself) are all index conditions of
-- one index and the look-up reads only the rows that have the words. (Indexes of the words alone
-- were tried: PostgreSQL then combined them with the Soundex index in a BitmapAnd, reading both.)
--
-- The words are split and lower-cased exactly as NameWords and the indexes of V5 split them. The
-- first index serves a corrected first and last name, and a first name alone; the second a
-- one-word query that is a surname. PostgreSQL keeps both current on every insert, update and
-- delete. At a million subscribers both take ~4 s to build and ~10 MB each.
CREATE INDEX subscribers_name_words_idx ON subscribers (
    soundex(substring(name FROM '[[:alpha:]]+')),
    lower(substring(name FROM '[[:alpha:]]+')),
    soundex(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$')),
    lower(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$')));
CREATE INDEX subscribers_name_last_word_idx ON subscribers (
    soundex(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$')),
    lower(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$')));

-- statistics on the new index expressions now, so the planner prefers them to the Soundex trees
ANALYZE subscribers;
