-- The retention job deletes idempotency keys by age (tenantry.tenants.idempotency-key-retention).
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
