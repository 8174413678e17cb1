package io.logcentral.storage;

import java.time.Instant;

/**
 * An answer to keep with the batch that stores its request's logs.
 *
 * @param keyHash identifies the token and the key together
 * @param bodyHash identifies the body the key was first sent with
 * @param firstIndex where the request's logs start in the batch
 * @param errorsJson the item errors of the answer, as JSON text
 */
public record PendingAnswer(
        String keyHash,
        String bodyHash,
        Instant createdAt,
        int status,
        int firstIndex,
        int logCount,
        String errorsJson) {}
