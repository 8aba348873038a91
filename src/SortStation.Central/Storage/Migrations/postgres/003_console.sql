-- Web console (issue 23): accounts, API keys, and hourly totals for the dashboard.

-- People who sign in to the console. password_hash: ASP.NET Core PasswordHasher (PBKDF2) output.
-- security_stamp changes with the password or role, which ends every session signed in before.
CREATE TABLE users (
    name              VARCHAR(64) NOT NULL PRIMARY KEY,
    role              VARCHAR(16) NOT NULL,   -- admin | operator | viewer
    password_hash     VARCHAR(512)    NOT NULL,
    security_stamp    VARCHAR(64)    NOT NULL,
    created_ms        BIGINT NOT NULL,
    failed_logins     INTEGER NOT NULL DEFAULT 0,  -- consecutive failures since the last success
    locked_until_ms   BIGINT NULL,
    last_login_ms     BIGINT NULL
);

-- Machine clients (header X-Api-Key: ssk_<key_id>_<secret>). Only the secret's SHA-256 is stored.
CREATE TABLE api_keys (
    key_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    name          VARCHAR(64) NOT NULL UNIQUE,
    role          VARCHAR(16)   NOT NULL,
    secret_sha256 CHAR(64)   NOT NULL,
    created_ms    BIGINT NOT NULL,
    last_used_ms  BIGINT NULL
);

-- Totals per UTC hour and per UTC day, by one dimension (station, label, bin or reason; hourly also 'all'),
-- kept in the ingest transaction for the weighings it inserted, so the dashboard never scans a month of rows:
-- a period's whole days come from the daily table, its whole hours from the hourly one, its partial hours
-- from the weighings. Indonesia's time zones are whole hours, so local days are whole hours too.
CREATE TABLE weighing_rollup (
    dim        VARCHAR(8)  NOT NULL,  -- station | label | bin | reason | all (hourly only: the chart)
    hour_ms    BIGINT NOT NULL,  -- start of the UTC hour, Unix milliseconds
    dim_key    VARCHAR(64) NOT NULL,  -- '' for dim all
    currency   VARCHAR(8)  NOT NULL,  -- '' when the weighing had none
    items      BIGINT NOT NULL,
    weight_kg  DOUBLE PRECISION NOT NULL,  -- sum of the weights present
    value      NUMERIC(28, 4) NOT NULL,  -- sum of the values present
    PRIMARY KEY (dim, hour_ms, dim_key, currency)
);
CREATE TABLE weighing_rollup_daily (
    dim        VARCHAR(8)  NOT NULL,  -- station | label | bin | reason
    day_ms     BIGINT NOT NULL,  -- start of the UTC day, Unix milliseconds
    dim_key    VARCHAR(64) NOT NULL,  -- the station, label, bin or reason
    currency   VARCHAR(8)  NOT NULL,  -- '' when the weighing had none
    items      BIGINT NOT NULL,
    weight_kg  DOUBLE PRECISION NOT NULL,  -- sum of the weights present
    value      NUMERIC(28, 4) NOT NULL,  -- sum of the values present
    PRIMARY KEY (dim, day_ms, dim_key, currency)
);
INSERT INTO weighing_rollup (dim, hour_ms, dim_key, currency, items, weight_kg, value)
SELECT 'station', (ts_ms / 3600000) * 3600000, station_id, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4
UNION ALL
SELECT 'label', (ts_ms / 3600000) * 3600000, label, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4
UNION ALL
SELECT 'bin', (ts_ms / 3600000) * 3600000, bin, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4
UNION ALL
SELECT 'reason', (ts_ms / 3600000) * 3600000, reason, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4
UNION ALL
SELECT 'all', (ts_ms / 3600000) * 3600000, '', COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4;
INSERT INTO weighing_rollup_daily (dim, day_ms, dim_key, currency, items, weight_kg, value)
SELECT 'station', (ts_ms / 86400000) * 86400000, station_id, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4
UNION ALL
SELECT 'label', (ts_ms / 86400000) * 86400000, label, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4
UNION ALL
SELECT 'bin', (ts_ms / 86400000) * 86400000, bin, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4
UNION ALL
SELECT 'reason', (ts_ms / 86400000) * 86400000, reason, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 3, 4;

-- The weighings page filters by station, label or reason and sorts by time.
CREATE INDEX ix_weighings_station_ts ON weighings (station_id, ts_ms);
CREATE INDEX ix_weighings_label_ts ON weighings (label, ts_ms);
CREATE INDEX ix_weighings_reason_ts ON weighings (reason, ts_ms);
