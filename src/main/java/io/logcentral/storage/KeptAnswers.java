package io.logcentral.storage;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the answer kept for an idempotency key: the same table and statement on either store. */
@Component
class KeptAnswers implements IdempotencyLookup {

    private final JdbcClient jdbc;

    KeptAnswers(@Qualifier(StoreKind.READER_POOL) DataSource readers) {
        this.jdbc = JdbcClient.create(readers);
    }

    @Override
    public Optional<IdempotentAnswer> find(String keyHash, Instant notBefore) {
        return jdbc.sql("SELECT status, first_id, log_count, body_hash, errors FROM idempotency_keys"
                        + " WHERE key_hash = ? AND created_at >= ?")
                .params(keyHash, Timestamps.toMicros(notBefore))
                .query((rs, row) -> new IdempotentAnswer(
                        rs.getInt("status"),
                        rs.getLong("first_id"),
                        rs.getInt("log_count"),
                        rs.getString("body_hash"),
                        rs.getString("errors")))
                .optional();
    }
}
