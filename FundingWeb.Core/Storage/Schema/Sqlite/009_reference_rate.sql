-- CEX reference rates (Hyperliquid predictedFundings): a centralised exchange's predicted funding per asset, one row per
-- asset and exchange per reference poll. rate_raw as the feed wrote it (a fraction over interval_hours, the entry's own
-- fundingIntervalHours: 4 or 8 on Binance); rate_1h = rate_raw / interval_hours, derived at ingest. ts_ms is when it was
-- read, next_funding_ms the exchange's next settlement (NULL when the feed gave none). Not a venue: nothing here is traded.
-- Thinned to the last row of each hour after Storage:RawRetention and dropped after Storage:HistoryRetention, like the
-- other poll-cadence rows. Times UTC ms.
CREATE TABLE reference_rate (
    asset           TEXT NOT NULL,
    exchange        TEXT NOT NULL,
    ts_ms           INTEGER NOT NULL,
    rate_1h         REAL NOT NULL,
    rate_raw        REAL NOT NULL,
    interval_hours  REAL NOT NULL,
    next_funding_ms INTEGER,
    PRIMARY KEY (asset, exchange, ts_ms)
) WITHOUT ROWID;
