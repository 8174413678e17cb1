-- Retention rules set through /admin/retention; configured rules stay in configuration. A rule has a service, a
-- severity or both. PUT replaces them all in one short transaction.
CREATE TABLE retention_rules (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    service         TEXT COLLATE NOCASE,
    severity        TEXT,
    max_age_seconds INTEGER NOT NULL
);
