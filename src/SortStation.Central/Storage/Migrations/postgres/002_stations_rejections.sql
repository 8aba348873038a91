-- Stations allowed to send (sortstation-central stations add / revoke); the id is the MQTT user name.
-- accept_from_ms: weighings stamped earlier are rejected (normally the registration time).
CREATE TABLE stations (
    station_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    registered_ms   BIGINT      NOT NULL,
    accept_from_ms  BIGINT      NOT NULL,
    revoked_ms      BIGINT      NULL
);

-- Rejected messages by reason (Ingest/RejectReason.cs); ingest_counters.malformed stays their total.
CREATE TABLE rejections (
    reason    VARCHAR(64) NOT NULL PRIMARY KEY,
    rejected  BIGINT      NOT NULL
);
