-- The logs, as in SQLite: times are epoch microseconds, severity the ordinal of TRACE..CRITICAL, so the code above the
-- store reads both alike. Partitioned by day of ts: retention drops a day whole instead of deleting its rows, and a
-- query with a time range reads only its days. PostgresPartitions creates each day's partition ahead (and the days of
-- late logs); a log whose day has no partition lands in logs_default.
--
-- A partitioned table's primary key must hold the partition key, so there is none: ids are unique because only the
-- writer hands them out, from logs_id_seq, under a transaction-level advisory lock held until its COMMIT, so ids grow
-- in commit order across every replica writing to this database (PostgresLogWriter).
CREATE SEQUENCE logs_id_seq AS bigint;

CREATE TABLE logs (
    id          bigint   NOT NULL,
    ts          bigint   NOT NULL,
    received_at bigint   NOT NULL,
    service     text     NOT NULL,
    severity    smallint NOT NULL,
    message     text     NOT NULL,
    request_id  text,
    trace_id    text,
    span_id     text,
    host        text,
    -- The attributes exactly as sent (key order, duplicates): jsonb would reorder them. Filters read them through
    -- logcentral_attributes(), the jsonb that the GIN index below holds.
    attributes  text     NOT NULL DEFAULT '{}',
    -- The message's words as the query layer cuts them (PostgresWords: runs of letters and digits, case and diacritics
    -- folded), with their positions, so q matches the same logs as SQLite's FTS5 unicode61 index does.
    words       tsvector NOT NULL
) PARTITION BY RANGE (ts);

CREATE TABLE logs_default PARTITION OF logs DEFAULT;

-- A JSON escape of NUL is valid json but not jsonb; such attributes are kept, only not filterable.
CREATE FUNCTION logcentral_attributes(attributes text) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN strpos(attributes, '\u0000') > 0 THEN NULL ELSE attributes::jsonb END;

-- Each index ends in id, so it also serves the (ts, id) order of its filter. Service names compare without case.
CREATE INDEX ix_logs_ts ON logs (ts, id);
CREATE INDEX ix_logs_id ON logs (id);
CREATE INDEX ix_logs_service_ts ON logs (lower(service), ts, id);
CREATE INDEX ix_logs_severity_ts ON logs (severity, ts, id);
CREATE INDEX ix_logs_received_at ON logs (received_at);
CREATE INDEX ix_logs_request_id ON logs (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX ix_logs_trace_id ON logs (trace_id) WHERE trace_id IS NOT NULL;
CREATE INDEX ix_logs_words ON logs USING gin (words);
CREATE INDEX ix_logs_attributes ON logs USING gin (logcentral_attributes(attributes) jsonb_path_ops);

-- How many logs each minute, service (without case) and severity has, kept by the writer in the same transaction as
-- the logs: stats and the list of services read this instead of every log. Minutes are floor(ts / 60 s).
CREATE TABLE log_counts (
    minute   bigint   NOT NULL,
    service  text     NOT NULL,
    severity smallint NOT NULL,
    n        bigint   NOT NULL,
    last_ts  bigint   NOT NULL
);
CREATE UNIQUE INDEX ux_log_counts ON log_counts (minute, lower(service), severity);

-- Answers to requests sent with an Idempotency-Key, kept 24 h (as in SQLite's V2 and V6).
CREATE TABLE idempotency_keys (
    key_hash    text    NOT NULL PRIMARY KEY,
    body_hash   text,
    created_at  bigint  NOT NULL,
    status      integer NOT NULL,
    first_id    bigint  NOT NULL,
    log_count   integer NOT NULL,
    errors      text    NOT NULL
);
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
