-- Answers to requests sent with an Idempotency-Key, kept 24 h. A request's logs have consecutive ids
-- (first_id .. first_id + log_count - 1), so the answer is rebuilt from them and the item errors.
CREATE TABLE idempotency_keys (
    key_hash    TEXT    NOT NULL PRIMARY KEY,
    created_at  INTEGER NOT NULL,
    status      INTEGER NOT NULL,
    first_id    INTEGER NOT NULL,
    log_count   INTEGER NOT NULL,
    errors      TEXT    NOT NULL
);

CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
