-- Team sign-in sessions, so sign-out ends a session on the server and a copied cookie stops working.
-- The cookie carries a random session token; only its SHA-256 (lowercase hex) is stored here.
-- expires_ms slides with use (idle lifetime); revoked_ms is set by sign-out and is final.
CREATE TABLE auth_session (
    token_hash   TEXT PRIMARY KEY,
    user_name    TEXT NOT NULL,
    created_ms   INTEGER NOT NULL,
    last_seen_ms INTEGER NOT NULL,
    expires_ms   INTEGER NOT NULL,
    revoked_ms   INTEGER
) WITHOUT ROWID;

CREATE INDEX auth_session_expires ON auth_session (expires_ms);
