-- Search at a million subscribers without trigram scans for the common cases (see SearchService
-- and docs/benchmarks.md).
--
-- Ends of values: a phone number typed in any notation, its last digits, or an account, invoice or
-- serial number typed without its prefix. Every phone shares the trigrams of its area code and
-- every account number those of its zero padding, so a trigram index reads posting lists of about
-- a million entries to find one row; a B-tree over the reversed value answers "ends with" as a
-- range scan. text_pattern_ops compares byte-wise, which is what a prefix range needs whatever the
-- database's collation.
CREATE INDEX subscribers_phone_suffix_idx
    ON subscribers (reverse(regexp_replace(phone, '[^0-9]', '', 'g')) text_pattern_ops);
CREATE INDEX subscribers_account_suffix_idx ON subscribers (reverse(account_number) text_pattern_ops);
CREATE INDEX invoices_number_suffix_idx ON invoices (reverse(number) text_pattern_ops);
-- serial numbers are stored as entered and searched case-insensitively
CREATE INDEX devices_serial_suffix_idx ON devices (reverse(upper(serial_number)) text_pattern_ops);

-- Misspelt names: the Soundex of a name's first and last word. "Grase Mensah" and "Jonh Smiht"
-- sound like "Grace Mensah" and "John Smith" (trigram word similarity puts "Jonh Smiht" below any
-- usable threshold), and an equality look-up reads only the rows that sound alike instead of every
-- row sharing a common surname's trigrams. fuzzystrmatch, like pg_trgm, is a trusted extension.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE INDEX subscribers_name_sound_idx ON subscribers (
    soundex(substring(name FROM '[[:alpha:]]+')),
    soundex(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$')));
-- a one-word query may be a surname: the index above serves only first names
CREATE INDEX subscribers_name_last_sound_idx
    ON subscribers (soundex(substring(name FROM '([[:alpha:]]+)[^[:alpha:]]*$')));

-- statistics on the new index expressions now, not whenever autovacuum next analyzes the tables
ANALYZE subscribers;
ANALYZE devices;
ANALYZE invoices;
