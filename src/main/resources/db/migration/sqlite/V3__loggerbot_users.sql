-- Users of seed 003's LoggerBot clients. Their token is md5(user + password) in lowercase hex, as that client
-- computes it; only its SHA-256 is kept.
CREATE TABLE loggerbot_users (
    user_name   TEXT    NOT NULL PRIMARY KEY,
    token_hash  TEXT    NOT NULL,
    tel_id      TEXT,
    created_at  INTEGER NOT NULL
);
