-- Share links. The token is never stored: token_hash is the lowercase hex SHA-256 of the token's ASCII text.
-- The scope is a saved view; range_token stays relative ("7d") unless it is "custom" with fixed bounds.
-- state: 0 active, 1 paused, 2 revoked.
CREATE TABLE share_link (
    id             INTEGER PRIMARY KEY,
    token_hash     TEXT NOT NULL UNIQUE,
    label          TEXT NOT NULL,
    creator        TEXT NOT NULL,
    path           TEXT NOT NULL,
    asset          TEXT,
    venues         TEXT NOT NULL,
    range_token    TEXT NOT NULL,
    range_from_ms  INTEGER,
    range_to_ms    INTEGER,
    basis          TEXT NOT NULL,
    window_token   TEXT,
    venue          TEXT,
    created_ms     INTEGER NOT NULL,
    last_opened_ms INTEGER,
    expires_ms     INTEGER,
    state          INTEGER NOT NULL DEFAULT 0
);
