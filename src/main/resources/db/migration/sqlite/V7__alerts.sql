-- Alert rules, channels and the outbox of notifications. Lists and maps are JSON text: they are read whole, never
-- queried. Times are epoch milliseconds.
CREATE TABLE alert_rules (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT    NOT NULL UNIQUE,
    min_severity    TEXT,
    severities      TEXT    NOT NULL DEFAULT '[]',
    services        TEXT    NOT NULL DEFAULT '[]',
    q               TEXT,
    attributes      TEXT    NOT NULL DEFAULT '{}',
    threshold       INTEGER,
    time_window     TEXT,
    channels        TEXT    NOT NULL DEFAULT '[]',
    cooldown        TEXT    NOT NULL DEFAULT '{}',
    enabled         INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- Seed 004: every CRITICAL is told; with no channel listed the rule goes to every channel, so it starts to speak as
-- soon as one is configured.
INSERT INTO alert_rules (name, min_severity, enabled, created_at, updated_at)
VALUES ('every-critical', 'CRITICAL', 1, 0, 0);

CREATE TABLE alert_channels (
    name            TEXT    NOT NULL PRIMARY KEY,
    type            TEXT    NOT NULL,
    settings        TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- The outbox: a row is committed before its first try, so a restart resends what was pending.
CREATE TABLE notifications (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_name       TEXT    NOT NULL,
    channel         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    suppressed      INTEGER NOT NULL,
    log_id          INTEGER,
    payload         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    sent_at         INTEGER,
    last_error      TEXT
);
-- The sweep and the restart look for pending rows that are due; the history is read newest first by id.
CREATE INDEX notifications_due ON notifications (status, next_attempt_at);
