-- The dashboard's totals in buckets of 1, 2, 4 ... 1024 hours (issue 23's performance target). A bucket of
-- 2^k hours starts at a multiple of 2^k hours since the epoch (UTC), so any run of whole hours is at most two
-- buckets of each size: a 30-day summary reads 7 to 10 buckets of ~100 rows whatever the time zone, where the
-- hourly and daily tables of 003 made it read about 5 000 rows (and a local day cut UTC days in two).
-- Kept in the ingest transaction for the weighings it inserted (never a duplicate), like the tables they replace.
CREATE TABLE weighing_spans (
    span_h     INTEGER NOT NULL,  -- bucket length in hours: 1, 2, 4 ... 1024
    start_ms   INTEGER NOT NULL,  -- bucket start, Unix milliseconds UTC, a multiple of span_h hours
    dim        TEXT NOT NULL,  -- station | label | bin | reason
    dim_key    TEXT NOT NULL,  -- the station, label, bin or reason
    currency   TEXT NOT NULL,  -- '' when the weighing had none
    items      INTEGER NOT NULL,
    weight_kg  REAL NOT NULL,  -- sum of the weights present
    value      REAL NOT NULL,  -- sum of the values present
    PRIMARY KEY (span_h, start_ms, dim, dim_key, currency)
) WITHOUT ROWID;
-- Items per hour, for the chart.
CREATE TABLE weighing_hours (
    hour_ms    INTEGER NOT NULL PRIMARY KEY,  -- start of the UTC hour, Unix milliseconds
    items      INTEGER NOT NULL
) WITHOUT ROWID;
-- Backfill from the weighings themselves (not from 003's tables): the same statements rebuild a bulk-loaded database.
INSERT INTO weighing_hours (hour_ms, items) SELECT (ts_ms / 3600000) * 3600000, COUNT(*) FROM weighings GROUP BY 1;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value)
SELECT 1, (ts_ms / 3600000) * 3600000, 'station', station_id, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 4, 5
UNION ALL
SELECT 1, (ts_ms / 3600000) * 3600000, 'label', label, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 4, 5
UNION ALL
SELECT 1, (ts_ms / 3600000) * 3600000, 'bin', bin, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 4, 5
UNION ALL
SELECT 1, (ts_ms / 3600000) * 3600000, 'reason', reason, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(weight_kg), 0), COALESCE(SUM(value), 0) FROM weighings GROUP BY 2, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 2, (start_ms / 7200000) * 7200000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 1 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 4, (start_ms / 14400000) * 14400000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 2 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 8, (start_ms / 28800000) * 28800000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 4 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 16, (start_ms / 57600000) * 57600000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 8 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 32, (start_ms / 115200000) * 115200000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 16 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 64, (start_ms / 230400000) * 230400000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 32 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 128, (start_ms / 460800000) * 460800000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 64 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 256, (start_ms / 921600000) * 921600000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 128 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 512, (start_ms / 1843200000) * 1843200000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 256 GROUP BY 2, 3, 4, 5;
INSERT INTO weighing_spans (span_h, start_ms, dim, dim_key, currency, items, weight_kg, value) SELECT 1024, (start_ms / 3686400000) * 3686400000, dim, dim_key, currency, SUM(items), SUM(weight_kg), SUM(value) FROM weighing_spans WHERE span_h = 512 GROUP BY 2, 3, 4, 5;
DROP TABLE weighing_rollup;
DROP TABLE weighing_rollup_daily;
