package io.logcentral.storage;

import java.time.Instant;
import java.util.Optional;

/** Finds the answer kept for an idempotency key. */
public interface IdempotencyLookup {

    Optional<IdempotentAnswer> find(String keyHash, Instant notBefore);
}
