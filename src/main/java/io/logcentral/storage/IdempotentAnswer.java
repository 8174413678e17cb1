package io.logcentral.storage;

/**
 * What a request with an {@code Idempotency-Key} was answered. Its logs have consecutive ids, {@code firstId} on.
 *
 * @param errorsJson the item errors of the answer, as JSON text
 */
public record IdempotentAnswer(int status, long firstId, int logCount, String errorsJson) {}
