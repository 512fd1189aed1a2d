-- Alerts: rules, their persisted evaluation state, the history of transitions and webhook deliveries.
-- Times are UTC Unix milliseconds; values are REAL in the rule kind's unit.

-- definition: the rule as JSON (AlertRuleJson, "type" discriminator). Indexed columns are copies for listing.
CREATE TABLE alert_rule (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    enabled     INTEGER NOT NULL,
    definition  TEXT NOT NULL,
    created_ms  INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE alert_state (
    rule_id            TEXT PRIMARY KEY REFERENCES alert_rule (id) ON DELETE CASCADE,
    firing             INTEGER NOT NULL,
    since_ms           INTEGER,
    last_fired_ms      INTEGER,
    last_cleared_ms    INTEGER,
    breached_since_ms  INTEGER,
    last_value         REAL,
    sign               INTEGER NOT NULL,
    reference_sign     INTEGER NOT NULL,
    updated_ms         INTEGER NOT NULL
) WITHOUT ROWID;

-- History outlives its rule (no foreign key): a deleted rule's past alerts stay readable.
-- event_key: AlertTransition.Key, also the webhook idempotency key.
CREATE TABLE alert_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    event_key   TEXT NOT NULL UNIQUE,
    rule_id     TEXT NOT NULL,
    rule_name   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    transition  TEXT NOT NULL,
    value       REAL NOT NULL,
    reason      TEXT NOT NULL,
    venue       TEXT,
    asset       TEXT,
    ts_ms       INTEGER NOT NULL
);

CREATE INDEX ix_alert_event_ts ON alert_event (ts_ms);
CREATE INDEX ix_alert_event_rule ON alert_event (rule_id, ts_ms);

-- status: pending, delivered, failed.
CREATE TABLE alert_delivery (
    event_key        TEXT PRIMARY KEY,
    url              TEXT NOT NULL,
    status           TEXT NOT NULL,
    attempts         INTEGER NOT NULL,
    last_error       TEXT,
    last_attempt_ms  INTEGER,
    delivered_ms     INTEGER,
    created_ms       INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_alert_delivery_status ON alert_delivery (status);
