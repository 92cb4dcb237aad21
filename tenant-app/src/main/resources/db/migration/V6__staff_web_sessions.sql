-- Browser sessions of the staff web app (/app). The cookie carries a random id; only its SHA-256
-- is stored, so a copy of this table signs nobody in. The CSRF token is per session.
CREATE TABLE staff_web_sessions (
    id_hash        text        PRIMARY KEY,
    staff_user_id  uuid        NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    csrf_token     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    last_seen_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);

CREATE INDEX staff_web_sessions_user ON staff_web_sessions (staff_user_id);
