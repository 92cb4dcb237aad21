-- Licenses, their history, and feature flags (catalogue, global switches, per-tenant overrides).

CREATE TABLE licenses (
    tenant_id         uuid PRIMARY KEY REFERENCES tenants (id),
    type              text        NOT NULL CHECK (type IN ('trial', 'subscription', 'perpetual')),
    seats             integer     NOT NULL CHECK (seats >= 0),
    expires_at        timestamptz,
    grace_period_days integer     NOT NULL CHECK (grace_period_days >= 0),
    status            text        NOT NULL
        CHECK (status IN ('active', 'grace', 'expired', 'suspended', 'revoked')),
    updated_at        timestamptz NOT NULL,
    updated_by        text        NOT NULL,
    -- Only a perpetual license has no end date.
    CHECK ((type = 'perpetual') = (expires_at IS NULL))
);
-- The expiry job looks only at licenses whose time can still run out.
CREATE INDEX licenses_due ON licenses (expires_at) WHERE status IN ('active', 'grace');

-- Every change to a license: who, when, what (the fields changed) and the license afterwards.
CREATE TABLE license_history (
    id                bigserial PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    occurred_at       timestamptz NOT NULL,
    actor             text        NOT NULL,
    action            text        NOT NULL,
    changes           text        NOT NULL,
    type              text        NOT NULL,
    seats             integer     NOT NULL,
    expires_at        timestamptz,
    grace_period_days integer     NOT NULL,
    status            text        NOT NULL
);
CREATE INDEX license_history_tenant ON license_history (tenant_id, id);

-- History is append-only: the database refuses to change or remove a row.
CREATE FUNCTION license_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'license_history is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER license_history_no_update_delete
    BEFORE UPDATE OR DELETE ON license_history
    FOR EACH ROW EXECUTE FUNCTION license_history_refuse_change();

-- global_enabled: null when unset, so that the plan and the default decide.
CREATE TABLE feature_flags (
    key             text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9-]{1,62}$'),
    description     text        NOT NULL,
    default_enabled boolean     NOT NULL DEFAULT false,
    global_enabled  boolean,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- The keys the tenant app gates on (docs/contracts.md, "Feature flags and plans").
INSERT INTO feature_flags (key, description, default_enabled) VALUES
    ('invoicing', 'Invoices: /api/v1/invoices/** in the tenant app', false),
    ('support-tickets', 'Support tickets: /api/v1/tickets/** in the tenant app', false),
    ('radius-sessions', 'RADIUS sessions: /api/v1/radius/** in the tenant app', false);

CREATE TABLE tenant_flag_overrides (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    flag_key   text        NOT NULL REFERENCES feature_flags (key),
    enabled    boolean     NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    PRIMARY KEY (tenant_id, flag_key)
);
