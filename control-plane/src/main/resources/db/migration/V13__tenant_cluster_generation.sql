-- The metadata.generation of each Tenant as the control plane last wrote or adopted it. A cluster
-- event carrying an older (or the same) generation predates that write and must not revert it: the
-- cluster's change wins only when it is newer than what the platform already knows.
ALTER TABLE tenants ADD COLUMN cluster_generation bigint;
