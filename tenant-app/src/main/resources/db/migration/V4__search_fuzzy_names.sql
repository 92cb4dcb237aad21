-- Typo-tolerant matching of subscribers runs against the name alone: rechecking word similarity
-- on the short name instead of the whole ~120-character search document is what keeps the
-- fuzzy phase of search fast at a million rows (see docs/benchmarks.md).
CREATE INDEX subscribers_name_trgm ON subscribers USING gin (lower(name) gin_trgm_ops);
