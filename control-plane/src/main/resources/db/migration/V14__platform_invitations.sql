-- Invitations of platform users: an owner invites an email with a role; the invitee follows a
-- one-time link and sets their own password. The link's token is random (256 bits) and stored only
-- as its SHA-256 hash, so a copy of this table cannot be used to accept an invitation. A row is
-- pending until accepted, revoked or past expires_at; it is kept afterwards as the record of who
-- invited whom.
CREATE TABLE platform_invitations (
    id                uuid PRIMARY KEY,
    token_hash        text        NOT NULL UNIQUE,
    email             text        NOT NULL,
    role              text        NOT NULL,
    invited_by        uuid        REFERENCES platform_users (id) ON DELETE SET NULL,
    invited_by_email  text        NOT NULL,
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    accepted_at       timestamptz,
    revoked_at        timestamptz,
    user_id           uuid        REFERENCES platform_users (id) ON DELETE SET NULL
);
-- At most one open invitation per email: a second invite while one is open is refused, and the
-- owner revokes the first instead. Expired rows still match the index; the service revokes an
-- expired one before inviting the same email again.
CREATE UNIQUE INDEX platform_invitations_open_email
    ON platform_invitations (email) WHERE accepted_at IS NULL AND revoked_at IS NULL;
