-- Anchors of the audit chain: now and then the control plane signs the chain's head (id, hash,
-- time) with the platform key. Verification checks the newest anchor's entry is still there with
-- the same hash, so deleting the newest rows — which leaves a chain that still links — shows.
CREATE TABLE audit_anchors (
    seq         bigserial   PRIMARY KEY,
    head_id     bigint      NOT NULL,
    head_hash   text        NOT NULL,
    anchored_at timestamptz NOT NULL,
    anchored_by text        NOT NULL,
    algorithm   text        NOT NULL,
    signature   text        NOT NULL
);

CREATE TRIGGER audit_anchors_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_anchors
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_anchors_no_truncate
    BEFORE TRUNCATE ON audit_anchors
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The application's role (quarkus.datasource.username) is not the role that runs these
-- migrations (quarkus.flyway.username) when the two are configured apart, as the chart, the local
-- launcher and the tests do. Then the tables belong to the migration role, and the app gets
-- the rows it needs and nothing more: it can neither disable the audit triggers (only a table's
-- owner can) nor change or remove audit entries and anchors. When both are the same role (a
-- single-role install), this block does nothing and the triggers are the only guard.
DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_anchors FROM %I', app);
    -- tables later migrations create: the same row rights, unless a migration revokes them
    EXECUTE format(
        'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
        app);
    EXECUTE format(
        'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
        app);
END
$$;
