-- The platform database. Every later change is a new versioned migration; never edit this file.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
