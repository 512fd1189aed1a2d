-- Venue and chain health over time (the Venues page's history charts), at most one row per venue per Storage:HealthInterval;
-- thinned to hourly after Storage:RawRetention like other poll-cadence rows. Times UTC ms; NULL = not known at that moment.
-- sequencer: 0 unknown, 1 up, 2 down. chain_state: fresh, lagging, stalled, maintenance, unknown (ChainHealth).
CREATE TABLE venue_health (
    venue            TEXT NOT NULL,
    ts_ms            INTEGER NOT NULL,
    poll_latency_ms  REAL,
    data_lag_ms      INTEGER,
    error_rate       REAL,
    head_age_ms      INTEGER,
    l1_lag_ms        INTEGER,
    sequencer        INTEGER NOT NULL DEFAULT 0,
    chain_state      TEXT,
    PRIMARY KEY (venue, ts_ms)
) WITHOUT ROWID;
