-- Settings changed in the console (the configuration files stay the technician's): append-only, one row per
-- change. A setting's value is its newest row; the rows are the audit trail (who changed what, when).
-- section: console now; the ledger and model rollout add theirs.
CREATE TABLE settings (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    section     VARCHAR(32)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    value       VARCHAR(256) NOT NULL,
    changed_ms  BIGINT       NOT NULL,  -- Unix milliseconds UTC
    changed_by  VARCHAR(80)  NOT NULL   -- the user's name, or apikey:<name>
);
CREATE INDEX ix_settings_name ON settings (section, name, seq);
-- Append-only in the database too, so no code path rewrites history.
CREATE FUNCTION settings_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'settings is append-only: insert a new row';
END
$$;
CREATE TRIGGER settings_no_change BEFORE UPDATE OR DELETE ON settings FOR EACH ROW EXECUTE FUNCTION settings_append_only();
CREATE TRIGGER settings_no_truncate BEFORE TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION settings_append_only();
