-- The tenant's ISP data model. Every list is paged by keyset on (sort column, id), so each
-- sortable column has an index that ends in id.

CREATE TABLE staff_users (
    id                 uuid PRIMARY KEY,
    email              text        NOT NULL,
    display_name       text        NOT NULL,
    role               text        NOT NULL CHECK (role IN ('tenant_admin', 'operator', 'support', 'billing', 'read_only')),
    status             text        NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
    password_hash      text,
    invite_token_hash  text UNIQUE,
    invite_expires_at  timestamptz,
    created_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX staff_users_email_key ON staff_users (lower(email));

CREATE TABLE refresh_tokens (
    id            uuid PRIMARY KEY,
    staff_user_id uuid        NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    token_hash    text        NOT NULL UNIQUE,
    expires_at    timestamptz NOT NULL,
    consumed_at   timestamptz,
    created_at    timestamptz NOT NULL
);
CREATE INDEX refresh_tokens_staff_idx ON refresh_tokens (staff_user_id);

CREATE TABLE subscribers (
    id               uuid PRIMARY KEY,
    account_number   text        NOT NULL UNIQUE,
    name             text        NOT NULL,
    email            text        NOT NULL,
    phone            text,
    address          text,
    service_plan     text        NOT NULL,
    radius_username  text        NOT NULL UNIQUE,
    status           text        NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'disconnected', 'terminated')),
    created_at       timestamptz NOT NULL,
    -- One lower-cased document per row keeps search to a single trigram index; the phone also
    -- appears as bare digits so "555 0100" finds "+1 (555) 010-0".
    search_text      text GENERATED ALWAYS AS (lower(
        name || ' ' || email || ' ' || account_number || ' ' || radius_username || ' '
        || coalesce(phone, '') || ' ' || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), ''))) STORED
);
CREATE INDEX subscribers_created_idx ON subscribers (created_at, id);
CREATE INDEX subscribers_name_idx ON subscribers (name, id);
CREATE INDEX subscribers_status_idx ON subscribers (status, created_at, id);
CREATE INDEX subscribers_search_trgm ON subscribers USING gin (search_text gin_trgm_ops);

CREATE TABLE devices (
    id             uuid PRIMARY KEY,
    serial_number  text        NOT NULL UNIQUE,
    -- normalised: 12 lower-case hex digits, no separators
    mac_address    text        NOT NULL UNIQUE CHECK (mac_address ~ '^[0-9a-f]{12}$'),
    device_type    text        NOT NULL CHECK (device_type IN ('ONU', 'CPE', 'ROUTER')),
    status         text        NOT NULL CHECK (status IN ('in_stock', 'active', 'faulty', 'retired')),
    subscriber_id  uuid REFERENCES subscribers (id),
    created_at     timestamptz NOT NULL,
    search_text    text GENERATED ALWAYS AS (lower(serial_number || ' ' || mac_address)) STORED
);
CREATE INDEX devices_created_idx ON devices (created_at, id);
CREATE INDEX devices_subscriber_idx ON devices (subscriber_id);
CREATE INDEX devices_search_trgm ON devices USING gin (search_text gin_trgm_ops);

CREATE TABLE invoices (
    id             uuid PRIMARY KEY,
    number         text          NOT NULL UNIQUE,
    subscriber_id  uuid          NOT NULL REFERENCES subscribers (id),
    currency       char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    total          numeric(14, 2) NOT NULL,
    status         text          NOT NULL CHECK (status IN ('draft', 'issued', 'paid', 'overdue', 'void')),
    due_date       date          NOT NULL,
    created_at     timestamptz   NOT NULL
);
CREATE INDEX invoices_created_idx ON invoices (created_at, id);
CREATE INDEX invoices_due_idx ON invoices (due_date, id);
CREATE INDEX invoices_subscriber_idx ON invoices (subscriber_id);
CREATE INDEX invoices_number_trgm ON invoices USING gin (lower(number) gin_trgm_ops);

CREATE TABLE invoice_lines (
    invoice_id   uuid           NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position     int            NOT NULL,
    description  text           NOT NULL,
    quantity     numeric(12, 3) NOT NULL,
    unit_price   numeric(14, 2) NOT NULL,
    PRIMARY KEY (invoice_id, position)
);

CREATE TABLE radius_sessions (
    id             uuid PRIMARY KEY,
    username       text        NOT NULL,
    nas_ip         text        NOT NULL,
    started_at     timestamptz NOT NULL,
    ended_at       timestamptz,
    bytes_in       bigint      NOT NULL DEFAULT 0 CHECK (bytes_in >= 0),
    bytes_out      bigint      NOT NULL DEFAULT 0 CHECK (bytes_out >= 0),
    terminate_cause text
);
CREATE INDEX radius_sessions_started_idx ON radius_sessions (started_at, id);
CREATE INDEX radius_sessions_active_idx ON radius_sessions (username) WHERE ended_at IS NULL;

CREATE TABLE tickets (
    id             uuid PRIMARY KEY,
    subject        text        NOT NULL,
    priority       text        NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status         text        NOT NULL CHECK (status IN ('open', 'in_progress', 'waiting', 'resolved', 'closed')),
    subscriber_id  uuid REFERENCES subscribers (id),
    assignee_id    uuid REFERENCES staff_users (id),
    created_at     timestamptz NOT NULL
);
CREATE INDEX tickets_created_idx ON tickets (created_at, id);
CREATE INDEX tickets_subject_trgm ON tickets USING gin (lower(subject) gin_trgm_ops);

CREATE TABLE ticket_messages (
    id          uuid PRIMARY KEY,
    ticket_id   uuid        NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author_id   uuid REFERENCES staff_users (id),
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ticket_messages_ticket_idx ON ticket_messages (ticket_id, created_at);
