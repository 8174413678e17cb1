-- How many logs each minute, service and severity has, kept by the writer in the same transaction as the logs
-- (LogWriter). Stats and the list of services over whole minutes read this instead of every log: 24 h of logs are a
-- few thousand rows here against millions in logs. Minutes are floor(ts / 60 s), also before 1970.
CREATE TABLE log_counts (
    minute   INTEGER NOT NULL,
    service  TEXT    NOT NULL COLLATE NOCASE,
    severity INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    last_ts  INTEGER NOT NULL,
    PRIMARY KEY (minute, service, severity)
) WITHOUT ROWID;

INSERT INTO log_counts (minute, service, severity, n, last_ts)
SELECT (ts - ((ts % 60000000) + 60000000) % 60000000) / 60000000, service, severity, COUNT(*), MAX(ts)
FROM logs
GROUP BY 1, 2, 3;
