-- Web console (issue 23): accounts, API keys, and hourly totals for the dashboard.

-- People who sign in to the console. password_hash: ASP.NET Core PasswordHasher (PBKDF2) output.
-- security_stamp changes with the password or role, which ends every session signed in before.
CREATE TABLE users (
    name              TEXT    NOT NULL PRIMARY KEY,
    role              TEXT    NOT NULL,   -- admin | operator | viewer
    password_hash     TEXT    NOT NULL,
    security_stamp    TEXT    NOT NULL,
    created_ms        INTEGER NOT NULL,
    failed_logins     INTEGER NOT NULL DEFAULT 0,  -- consecutive failures since the last success
    locked_until_ms   INTEGER NULL,
    last_login_ms     INTEGER NULL
);

-- Machine clients (header X-Api-Key: ssk_<key_id>_<secret>). Only the secret's SHA-256 is stored.
CREATE TABLE api_keys (
    key_id        TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL,
    secret_sha256 TEXT    NOT NULL,
    created_ms    INTEGER NOT NULL,
    last_used_ms  INTEGER NULL
);

-- Totals per UTC hour and per UTC day, by one dimension (station, label, bin or reason; hourly also 'all'),
-- kept in the ingest transaction for the weighings it inserted, so the dashboard never scans a month of rows:
-- a period's whole days come from the daily table, its whole hours from the hourly one, its partial hours
-- from the weighings. Indonesia's time zones are whole hours, so local days are whole hours too.
CREATE TABLE weighing_rollup (
    dim        TEXT       NOT NULL,  -- station | label | bin | reason | all (hourly only: the chart)
    hour_ms    INTEGER NOT NULL,  -- start of the UTC hour, Unix milliseconds
    dim_key    TEXT       NOT NULL,  -- '' for dim all
    currency   TEXT       NOT NULL,  -- '' when the weighing had none
    items      INTEGER NOT NULL,
    weight_kg  REAL NOT NULL,  -- sum of the weights present
    value      REAL NOT NULL,  -- sum of the values present
    PRIMARY KEY (dim, hour_ms, dim_key, currency)
) WITHOUT ROWID;
CREATE TABLE weighing_rollup_daily (
    dim        TEXT       NOT NULL,  -- station | label | bin | reason
    day_ms     INTEGER NOT NULL,  -- start of the UTC day, Unix milliseconds
    dim_key    TEXT       NOT NULL,  -- the station, label, bin or reason
    currency   TEXT       NOT NULL,  -- '' when the weighing had none
    items      INTEGER NOT NULL,
    weight_kg  REAL NOT NULL,  -- sum of the weights present
    value      REAL NOT NULL,  -- sum of the values present
    PRIMARY KEY (dim, day_ms, dim_key, currency)
) WITHOUT ROWID;
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
