-- Full-text index of the message. External content: the words are indexed, the text stays in logs only. The writer
-- fills it in the same transaction as the logs (LogWriter), so a log is searchable as soon as it is acknowledged. It
-- is not a trigger: through the JDBC driver an AFTER INSERT trigger made batch ingest 5 times slower than the same
-- rows indexed with one INSERT .. SELECT per batch. columnsize=0 drops a per-row table that only ranking reads.
CREATE VIRTUAL TABLE logs_fts USING fts5(
    message,
    content = 'logs',
    content_rowid = 'id',
    columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO logs_fts (rowid, message) SELECT id, message FROM logs;

-- The event time range of every 4096 consecutive ids (block = id >> 12). FTS5 hands out its matches cheaply only in
-- rowid order, and results are sorted by timestamp: these ranges tell a search which ids can still hold a log newer
-- than the ones it has found, so newest first need not sort every match (LogSearch).
CREATE TABLE log_blocks (
    block  INTEGER PRIMARY KEY,
    min_ts INTEGER NOT NULL,
    max_ts INTEGER NOT NULL
);

INSERT INTO log_blocks (block, min_ts, max_ts) SELECT id >> 12, MIN(ts), MAX(ts) FROM logs GROUP BY id >> 12;
