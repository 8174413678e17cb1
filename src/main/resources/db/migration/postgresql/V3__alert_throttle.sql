-- Alert cooldowns and threshold windows, shared by every replica on this database so that two replicas never both
-- tell the same burst (storage/postgres/PostgresAlertThrottle holds the statements). Unlogged: this is throttle state,
-- not data; a crash of the database forgets it, which costs at most one notification a cooldown, and spares the WAL
-- a write for every batch of matches.

-- One row a rule, service (lower case) and severity: until when it is quiet, and what it held back meanwhile.
-- claim_xact is the transaction that last took the cooldown, so the taker knows it took it.
CREATE UNLOGGED TABLE alert_cooldowns (
    rule_id        bigint      NOT NULL,
    service        text        NOT NULL,
    severity       smallint    NOT NULL,
    quiet_until    timestamptz NOT NULL,
    cooldown_us    bigint      NOT NULL,
    held           integer     NOT NULL,
    latest_log_id  bigint      NOT NULL,
    claim_xact     bigint      NOT NULL,
    claim_more     integer     NOT NULL,
    PRIMARY KEY (rule_id, service, severity)
);
-- The sweep for summaries asks for ended cooldowns that hold matches.
CREATE INDEX alert_cooldowns_holding ON alert_cooldowns (quiet_until) WHERE held > 0;

-- Matches of a threshold rule and service per second (epoch seconds); a window sums its seconds. expires is the
-- second from which no window asks for this one any more.
CREATE UNLOGGED TABLE alert_windows (
    rule_id    bigint NOT NULL,
    service    text   NOT NULL,
    at_second  bigint NOT NULL,
    matches    bigint NOT NULL,
    expires    bigint NOT NULL,
    PRIMARY KEY (rule_id, service, at_second)
);
CREATE INDEX alert_windows_expires ON alert_windows (expires);
