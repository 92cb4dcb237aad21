-- Exact look-ups by e-mail (the other identifiers already have unique indexes): a search for a
-- whole identifier is answered from a B-tree before any trigram index is touched.
CREATE INDEX subscribers_email_lower_idx ON subscribers (lower(email));
