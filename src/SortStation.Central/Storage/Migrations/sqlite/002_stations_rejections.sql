-- Stations allowed to send (sortstation-central stations add / revoke); the id is the MQTT user name.
-- accept_from_ms: weighings stamped earlier are rejected (normally the registration time).
CREATE TABLE stations (
    station_id      TEXT    NOT NULL PRIMARY KEY,
    registered_ms   INTEGER NOT NULL,
    accept_from_ms  INTEGER NOT NULL,
    revoked_ms      INTEGER NULL
);

-- Rejected messages by reason (Ingest/RejectReason.cs); ingest_counters.malformed stays their total.
CREATE TABLE rejections (
    reason    TEXT    NOT NULL PRIMARY KEY,
    rejected  INTEGER NOT NULL
);
