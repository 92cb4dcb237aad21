-- The last Rollout status each rollout was seen in, so that every transition is audited once:
-- across restarts (the watch lists every rollout again) and across replicas (each one watches;
-- the row lock and the resource version let only the first one record a change).
CREATE TABLE rollout_observations (
    name              text   PRIMARY KEY,
    uid               text   NOT NULL,
    resource_version  bigint NOT NULL,
    status            text   NOT NULL
);
