-- Scale-out (issue 14). Both engines carry the same tables so one set of stores reads them; on one machine the live
-- state stays empty (nobody else loads it) and every webhook claim is won by the only process.

-- The live state of each venue as its poller last published it, written in the poll's own transaction, so another node
-- rebuilds exactly the snapshot the poller's pages show. version grows by one per write; node is who wrote it.
CREATE TABLE live_venue (
    venue              TEXT PRIMARY KEY,
    version            INTEGER NOT NULL,
    node               TEXT NOT NULL,
    fetched_ms         INTEGER,
    status_json        TEXT NOT NULL,
    market_errors_json TEXT NOT NULL,
    positions_json     TEXT,
    updated_ms         INTEGER NOT NULL
) WITHOUT ROWID;

-- The markets of the venue's last good poll with their latest values (NULL where that poll had none).
CREATE TABLE live_market (
    venue         TEXT NOT NULL,
    symbol        TEXT NOT NULL,
    mark          REAL,
    index_px      REAL,
    oi_base       REAL,
    oi_usd        REAL,
    oi_long_usd   REAL,
    oi_short_usd  REAL,
    time_ms       INTEGER NOT NULL,
    PRIMARY KEY (venue, symbol)
) WITHOUT ROWID;

-- The latest quoted rate of each leg, as the poller holds it (a market missing from a poll keeps its last legs).
CREATE TABLE live_quote (
    venue          TEXT NOT NULL,
    symbol         TEXT NOT NULL,
    leg            INTEGER NOT NULL,
    rate_1h        REAL NOT NULL,
    rate_raw       REAL NOT NULL,
    interval_hours REAL NOT NULL,
    unit           TEXT NOT NULL,
    ts_ms          INTEGER NOT NULL,
    fetched_ms     INTEGER NOT NULL,
    source         TEXT,
    implausible    TEXT,
    PRIMARY KEY (venue, symbol, leg)
) WITHOUT ROWID;

-- Which node leads what (a venue's polling, alerts, retention), for operators and the failover test. The lock itself is
-- a PostgreSQL advisory lock; this row only records who took it last.
CREATE TABLE node_lease (
    name       TEXT PRIMARY KEY,
    node       TEXT NOT NULL,
    since_ms   INTEGER NOT NULL
) WITHOUT ROWID;

-- A webhook is sent by whoever holds its claim: claimed_by until claim_until_ms. A node taking over after a crash sends
-- only deliveries whose claim has run out, so a transition is never POSTed by two nodes at once.
ALTER TABLE alert_delivery ADD COLUMN claimed_by TEXT;
ALTER TABLE alert_delivery ADD COLUMN claim_until_ms INTEGER;
