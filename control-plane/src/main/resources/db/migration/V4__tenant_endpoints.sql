-- Where the control plane reaches a tenant app when it is not the in-cluster Service
-- (local runs, tests). A tenant without a row here is reached at the URL template of
-- tenantry.tenant-link.url-template.
CREATE TABLE tenant_endpoints (
    slug         text PRIMARY KEY REFERENCES tenants (slug) ON DELETE CASCADE,
    internal_url text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
