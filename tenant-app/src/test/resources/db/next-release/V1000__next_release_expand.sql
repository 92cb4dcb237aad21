-- The next release's expand step, test-only (ExpandedSchemaTest): what a release may add while the
-- version before it still runs on the same database. Numbered far ahead so that a real migration
-- added to db/migration never collides with it.

-- A nullable column: the running version neither names nor needs it.
ALTER TABLE subscribers ADD COLUMN preferred_language text;

-- A NOT NULL column with a default: the running version's INSERT leaves it out and gets 30.
ALTER TABLE invoices ADD COLUMN payment_terms_days int NOT NULL DEFAULT 30
    CHECK (payment_terms_days BETWEEN 0 AND 365);

-- A new table, removed with its subscriber, so the running version's writes still succeed.
CREATE TABLE subscriber_notes (
    id             uuid PRIMARY KEY,
    subscriber_id  uuid        NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    body           text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriber_notes_subscriber_idx ON subscriber_notes (subscriber_id, created_at);
CREATE INDEX subscribers_language_idx ON subscribers (preferred_language)
    WHERE preferred_language IS NOT NULL;
