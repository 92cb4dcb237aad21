-- The last entitlements this app accepted: the signed file as it arrived and its version. A restart
-- starts from them (a key rotation may leave the mounted file unverifiable for a while), and a
-- file with a lower version is refused, so an old, validly signed blob cannot be put back.
CREATE TABLE entitlements_state (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    version     bigint      NOT NULL CHECK (version >= 0),
    signed_file text        NOT NULL,
    accepted_at timestamptz NOT NULL
);
