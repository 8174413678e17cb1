-- The body an Idempotency-Key was first sent with: SHA-256 (hex) of the content type, a line break and the raw body
-- bytes. The same key with another body is refused (422) instead of replaying an answer that drops the new logs.
-- Answers kept before this column existed have none and replay as before; they are gone within 24 h.
ALTER TABLE idempotency_keys ADD COLUMN body_hash TEXT;
