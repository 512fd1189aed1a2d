-- Times are UTC Unix milliseconds; rates are REAL fractions. Natural primary keys make every write an idempotent upsert.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE venue (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    rollup_kind      TEXT NOT NULL,
    withdrawal_ms    INTEGER NOT NULL,
    taker_fee        REAL NOT NULL,
    is_simulated     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE market (
    venue                  TEXT NOT NULL,
    symbol                 TEXT NOT NULL,
    base_asset             TEXT NOT NULL,
    funding_interval_hours REAL NOT NULL,
    max_leverage           REAL NOT NULL,
    maintenance_margin     REAL NOT NULL,
    status                 TEXT NOT NULL,
    first_seen_ms          INTEGER NOT NULL,
    last_seen_ms           INTEGER NOT NULL,
    PRIMARY KEY (venue, symbol)
) WITHOUT ROWID;

CREATE INDEX ix_market_asset ON market (base_asset);

-- kind: 0 quoted, 1 settled. leg: 0 net, 1 long, 2 short, 3 borrow long, 4 borrow short. unit: RateUnit name.
CREATE TABLE funding (
    venue          TEXT NOT NULL,
    symbol         TEXT NOT NULL,
    kind           INTEGER NOT NULL,
    leg            INTEGER NOT NULL,
    ts_ms          INTEGER NOT NULL,
    rate_raw       REAL NOT NULL,
    interval_hours REAL NOT NULL,
    unit           TEXT NOT NULL,
    rate_1h        REAL NOT NULL,
    PRIMARY KEY (venue, symbol, kind, leg, ts_ms)
) WITHOUT ROWID;

CREATE TABLE open_interest (
    venue     TEXT NOT NULL,
    symbol    TEXT NOT NULL,
    ts_ms     INTEGER NOT NULL,
    base      REAL NOT NULL,
    usd       REAL NOT NULL,
    long_usd  REAL,
    short_usd REAL,
    PRIMARY KEY (venue, symbol, ts_ms)
) WITHOUT ROWID;

CREATE TABLE price (
    venue     TEXT NOT NULL,
    symbol    TEXT NOT NULL,
    ts_ms     INTEGER NOT NULL,
    mark      REAL,
    index_px  REAL,
    PRIMARY KEY (venue, symbol, ts_ms)
) WITHOUT ROWID;

CREATE TABLE liquidation (
    venue        TEXT NOT NULL,
    id           TEXT NOT NULL,
    symbol       TEXT NOT NULL,
    ts_ms        INTEGER NOT NULL,
    side         INTEGER NOT NULL,
    price        REAL NOT NULL,
    size_base    REAL NOT NULL,
    notional_usd REAL NOT NULL,
    kind         TEXT NOT NULL,
    PRIMARY KEY (venue, id)
) WITHOUT ROWID;

CREATE INDEX ix_liquidation_symbol_ts ON liquidation (venue, symbol, ts_ms);

CREATE TABLE venue_status (
    venue            TEXT PRIMARY KEY,
    last_success_ms  INTEGER,
    stale_since_ms   INTEGER,
    last_error       TEXT,
    last_error_ms    INTEGER,
    latency_ms       REAL,
    polls            INTEGER NOT NULL DEFAULT 0,
    failures         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
