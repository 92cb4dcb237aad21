-- A tenant's own database. pg_trgm is a trusted extension, so the tenant role that owns the
-- database may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
