-- Managed tokens: only the SHA-256 of a secret is kept (hex). During a rotation's grace period the previous secret's
-- hash is kept too, with the time it stops working. Scopes are a comma list. Times are epoch milliseconds.
CREATE TABLE managed_tokens (
    name                 TEXT    NOT NULL PRIMARY KEY,
    token_hash           TEXT    NOT NULL UNIQUE,
    previous_hash        TEXT,
    previous_expires_at  INTEGER,
    scopes               TEXT    NOT NULL,
    service              TEXT,
    expires_at           INTEGER,
    requests_per_second  INTEGER,
    logs_per_second      INTEGER,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
);

-- One row whose number every change of managed_tokens raises in the same transaction: each replica polls this one
-- number (every 500 ms) and reloads the table only when it moved, which sees deletes too where an updated_at would not.
CREATE TABLE managed_token_version (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO managed_token_version (id, version) VALUES (1, 0);

-- The audit trail of admin actions, read newest first by id and cleaned up by age.
CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    token_name      TEXT    NOT NULL,
    method          TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    target          TEXT,
    status          INTEGER NOT NULL,
    remote_address  TEXT
);
CREATE INDEX audit_events_at ON audit_events (at);
