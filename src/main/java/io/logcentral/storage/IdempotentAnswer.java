package io.logcentral.storage;

/**
 * What a request with an {@code Idempotency-Key} was answered. Its logs have consecutive ids, {@code firstId} on.
 *
 * @param bodyHash identifies the body the key was first sent with; null for answers kept before it was recorded
 * @param errorsJson the item errors of the answer, as JSON text
 */
public record IdempotentAnswer(int status, long firstId, int logCount, String bodyHash, String errorsJson) {}
