-- Weighings received from the stations, one row per item (item_id is the idempotency key).
CREATE TABLE weighings (
    item_id      CHAR(26)         NOT NULL PRIMARY KEY,
    station_id   VARCHAR(64)      NOT NULL,
    ts_ms        BIGINT           NOT NULL,  -- item timestamp, Unix milliseconds UTC
    label        VARCHAR(64)      NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL,
    top_json     TEXT             NOT NULL,  -- the "top" list as JSON
    weight_kg    DOUBLE PRECISION NULL,
    unit_price   NUMERIC(18, 4)   NULL,
    value        NUMERIC(18, 4)   NULL,
    currency     VARCHAR(8)       NULL,
    bin          VARCHAR(64)      NOT NULL,
    reason       VARCHAR(64)      NOT NULL,
    model        VARCHAR(128)     NOT NULL,
    received_ms  BIGINT           NOT NULL   -- when central stored it, Unix milliseconds UTC
);
CREATE INDEX ix_weighings_ts ON weighings (ts_ms);
CREATE INDEX ix_weighings_station_label ON weighings (station_id, label);

-- Counters that are not derivable from the rows (shared by every instance, read by `stats`).
CREATE TABLE ingest_counters (
    name  VARCHAR(32) NOT NULL PRIMARY KEY,
    value BIGINT      NOT NULL
);
INSERT INTO ingest_counters (name, value) VALUES ('duplicates', 0), ('malformed', 0);
