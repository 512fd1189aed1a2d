-- The SQLite scripts 006 (venue_health) and 007 (depth_band) on PostgreSQL: same columns, same meanings (see those
-- files); both are small (one row per venue or market per store interval) and thinned like other poll-cadence rows, so
-- they are not partitioned.
CREATE TABLE venue_health (
    venue            TEXT NOT NULL,
    ts_ms            BIGINT NOT NULL,
    poll_latency_ms  DOUBLE PRECISION,
    data_lag_ms      BIGINT,
    error_rate       DOUBLE PRECISION,
    head_age_ms      BIGINT,
    l1_lag_ms        BIGINT,
    sequencer        SMALLINT NOT NULL DEFAULT 0,
    chain_state      TEXT,
    PRIMARY KEY (venue, ts_ms)
);

CREATE TABLE depth_band (
    venue       TEXT NOT NULL,
    symbol      TEXT NOT NULL,
    ts_ms       BIGINT NOT NULL,
    book_ms     BIGINT,
    kind        SMALLINT NOT NULL,
    mid         DOUBLE PRECISION NOT NULL,
    spread      DOUBLE PRECISION,
    bid_10bp    DOUBLE PRECISION NOT NULL,
    ask_10bp    DOUBLE PRECISION NOT NULL,
    bid_50bp    DOUBLE PRECISION NOT NULL,
    ask_50bp    DOUBLE PRECISION NOT NULL,
    bid_100bp   DOUBLE PRECISION NOT NULL,
    ask_100bp   DOUBLE PRECISION NOT NULL,
    bid_200bp   DOUBLE PRECISION NOT NULL,
    ask_200bp   DOUBLE PRECISION NOT NULL,
    bid_levels  INTEGER NOT NULL DEFAULT 0,
    ask_levels  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (venue, symbol, ts_ms)
);
