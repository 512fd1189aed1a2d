-- The SQLite script 009 (reference_rate) on PostgreSQL: same columns, same meanings (see that file). Small (one row per
-- asset and exchange per minute, thinned to hourly), so not partitioned.
CREATE TABLE reference_rate (
    asset           TEXT NOT NULL,
    exchange        TEXT NOT NULL,
    ts_ms           BIGINT NOT NULL,
    rate_1h         DOUBLE PRECISION NOT NULL,
    rate_raw        DOUBLE PRECISION NOT NULL,
    interval_hours  DOUBLE PRECISION NOT NULL,
    next_funding_ms BIGINT,
    PRIMARY KEY (asset, exchange, ts_ms)
);
