-- Venue conventions are data, and they change (PRODUCT.md, second round). Times are UTC Unix milliseconds.

-- origin: how a settled row was obtained where a venue allows more than one way ('index' = exact Δfunding_index,
-- 'sample' = the quoted rate sampled in the hour; NULL = the venue's own settlement). check_rate_1h: a second reading of
-- the same hour kept as a cross-check. implausible: why the rate cannot be right (NULL = plausible); such rows are kept.
ALTER TABLE funding ADD COLUMN origin TEXT;
ALTER TABLE funding ADD COLUMN check_rate_1h REAL;
ALTER TABLE funding ADD COLUMN implausible TEXT;

ALTER TABLE market ADD COLUMN interval_assumed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE market ADD COLUMN funding_cap REAL;

-- The convention each market was last read with: interval, unit, cap (fraction per hour; NULL = unknown, the sanity
-- bound applies), where it was read (endpoint and field), whether the interval is a documented default, and since when
-- it has held. A change of interval or unit writes a convention_change row.
CREATE TABLE market_convention (
    venue          TEXT NOT NULL,
    symbol         TEXT NOT NULL,
    interval_hours REAL NOT NULL,
    unit           TEXT NOT NULL,
    cap_1h         REAL,
    cap_source     TEXT,
    source         TEXT,
    assumed        INTEGER NOT NULL,
    read_at_ms     INTEGER NOT NULL,
    since_ms       INTEGER NOT NULL,
    PRIMARY KEY (venue, symbol)
) WITHOUT ROWID;

CREATE TABLE convention_change (
    venue      TEXT NOT NULL,
    symbol     TEXT NOT NULL,
    ts_ms      INTEGER NOT NULL,
    field      TEXT NOT NULL,
    old_value  TEXT NOT NULL,
    new_value  TEXT NOT NULL,
    PRIMARY KEY (venue, symbol, ts_ms, field)
) WITHOUT ROWID;

CREATE INDEX ix_convention_change_ts ON convention_change (ts_ms);

-- A stretch of settled history a backfill could not read (a page failed after others arrived). The pages that arrived
-- are kept; the next backfill reads this stretch again and deletes the row once it is filled.
CREATE TABLE backfill_gap (
    venue       TEXT NOT NULL,
    symbol      TEXT NOT NULL,
    from_ms     INTEGER NOT NULL,
    to_ms       INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    recorded_ms INTEGER NOT NULL,
    PRIMARY KEY (venue, symbol, from_ms)
) WITHOUT ROWID;
