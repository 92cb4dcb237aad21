-- Browser sessions of the platform console. The cookie carries a random id; only its SHA-256 hash
-- is stored, so a copy of this table cannot be replayed as a session. Rows go with their user.
CREATE TABLE console_sessions (
    id_hash       text PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES platform_users (id) ON DELETE CASCADE,
    csrf_token    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (user_id);
