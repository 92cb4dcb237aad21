-- Platform identity, tenants and the audit log.

CREATE TABLE platform_users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('owner', 'admin', 'support', 'billing')),
    enabled       boolean     NOT NULL DEFAULT true,
    totp_secret   text,
    totp_enabled  boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recovery_codes (
    id        bigserial PRIMARY KEY,
    user_id   uuid        NOT NULL REFERENCES platform_users (id) ON DELETE CASCADE,
    code_hash text        NOT NULL,
    used_at   timestamptz
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- Refresh tokens are stored as SHA-256 hashes; a family is one login and everything rotated from it.
CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY,
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES platform_users (id) ON DELETE CASCADE,
    token_hash text        NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE tenants (
    id              uuid PRIMARY KEY,
    slug            text        NOT NULL UNIQUE,
    display_name    text        NOT NULL,
    plan            text        NOT NULL,
    region          text,
    deletion_policy text        NOT NULL,
    state           text        NOT NULL,
    origin          text        NOT NULL,
    phase           text,
    conditions      text,
    url             text,
    push_pending    boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenants_display_name_trgm ON tenants USING gin (display_name gin_trgm_ops);
CREATE INDEX tenants_push_pending ON tenants (push_pending) WHERE push_pending;

CREATE TABLE idempotency_keys (
    idem_key     text        NOT NULL,
    actor_id     uuid        NOT NULL,
    request_hash text        NOT NULL,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idem_key, actor_id)
);

CREATE TABLE audit_log (
    id             bigserial PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    actor          text        NOT NULL,
    action         text        NOT NULL,
    outcome        text        NOT NULL,
    tenant         text,
    target         text,
    request_id     text,
    client_address text,
    payload        text        NOT NULL,
    prev_hash      text        NOT NULL,
    hash           text        NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE INDEX audit_log_tenant ON audit_log (tenant);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);

-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
