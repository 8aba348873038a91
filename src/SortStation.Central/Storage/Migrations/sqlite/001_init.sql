-- Weighings received from the stations, one row per item (item_id is the idempotency key).
CREATE TABLE weighings (
    item_id      TEXT    NOT NULL PRIMARY KEY,
    station_id   TEXT    NOT NULL,
    ts_ms        INTEGER NOT NULL,  -- item timestamp, Unix milliseconds UTC
    label        TEXT    NOT NULL,
    confidence   REAL    NOT NULL,
    top_json     TEXT    NOT NULL,  -- the "top" list as JSON
    weight_kg    REAL    NULL,
    unit_price   REAL    NULL,
    value        REAL    NULL,
    currency     TEXT    NULL,
    bin          TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    model        TEXT    NOT NULL,
    received_ms  INTEGER NOT NULL   -- when central stored it, Unix milliseconds UTC
);
CREATE INDEX ix_weighings_ts ON weighings (ts_ms);
CREATE INDEX ix_weighings_station_label ON weighings (station_id, label);

-- Counters that are not derivable from the rows (shared by every instance, read by `stats`).
CREATE TABLE ingest_counters (
    name  TEXT    NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO ingest_counters (name, value) VALUES ('duplicates', 0), ('malformed', 0);
