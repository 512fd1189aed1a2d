-- Order-book depth at the depth poller's cadence: at most one row per market per Depth:StoreInterval, thinned to the last
-- row of each hour after Storage:RawRetention like other poll-cadence rows, dropped after Storage:HistoryRetention.
-- Bands are cumulative USD within ±0.1 / 0.5 / 1 / 2 % of mid on each side. kind: 1 measured book; 2 pool model (GMX: the
-- notional whose modelled cost stays within the band, never a book). ts_ms is when the book was read, book_ms the venue's
-- own time for it where it gives one. spread = (best ask − best bid) / mid; NULL for a pool. Times UTC ms.
CREATE TABLE depth_band (
    venue       TEXT NOT NULL,
    symbol      TEXT NOT NULL,
    ts_ms       INTEGER NOT NULL,
    book_ms     INTEGER,
    kind        INTEGER NOT NULL,
    mid         REAL NOT NULL,
    spread      REAL,
    bid_10bp    REAL NOT NULL,
    ask_10bp    REAL NOT NULL,
    bid_50bp    REAL NOT NULL,
    ask_50bp    REAL NOT NULL,
    bid_100bp   REAL NOT NULL,
    ask_100bp   REAL NOT NULL,
    bid_200bp   REAL NOT NULL,
    ask_200bp   REAL NOT NULL,
    bid_levels  INTEGER NOT NULL DEFAULT 0,
    ask_levels  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (venue, symbol, ts_ms)
) WITHOUT ROWID;
