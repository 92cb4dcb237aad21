-- Each tenant's cluster write is retried with its own back-off, and its state is shown in the API:
-- one tenant the cluster refuses must neither hold back the others nor fail unseen.
ALTER TABLE tenants
  ADD COLUMN push_failures integer NOT NULL DEFAULT 0,
  ADD COLUMN push_error text,
  ADD COLUMN push_next_attempt_at timestamptz;

-- The version every signed entitlements blob carries (claim "ver"): one sequence for all tenants
-- and replicas, so a later signature always has a higher version and a tenant app can refuse an
-- older blob put back into spec.entitlements.
CREATE SEQUENCE entitlements_version;
