package io.logcentral.pipeline;

/**
 * The answer to keep for a request sent with an {@code Idempotency-Key}, committed with its logs.
 *
 * @param keyHash identifies the token and the key together
 * @param bodyHash identifies the body the key was first sent with
 * @param errorsJson the item errors of the answer, as JSON text
 */
public record KeptAnswer(String keyHash, String bodyHash, int status, String errorsJson) {}
