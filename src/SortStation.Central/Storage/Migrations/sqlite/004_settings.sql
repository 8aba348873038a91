-- Settings changed in the console (the configuration files stay the technician's): append-only, one row per
-- change. A setting's value is its newest row; the rows are the audit trail (who changed what, when).
-- section: console now; the ledger and model rollout add theirs.
CREATE TABLE settings (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    section     TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    changed_ms  INTEGER NOT NULL,  -- Unix milliseconds UTC
    changed_by  TEXT    NOT NULL   -- the user's name, or apikey:<name>
);
CREATE INDEX ix_settings_name ON settings (section, name, seq);
-- Append-only in the database too, so no code path (or hand edit through the app's account) rewrites history.
CREATE TRIGGER settings_no_update BEFORE UPDATE ON settings BEGIN SELECT RAISE(ABORT, 'settings is append-only: insert a new row'); END;
CREATE TRIGGER settings_no_delete BEFORE DELETE ON settings BEGIN SELECT RAISE(ABORT, 'settings is append-only: insert a new row'); END;
