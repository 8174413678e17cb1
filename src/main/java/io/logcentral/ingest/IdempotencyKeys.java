package io.logcentral.ingest;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.IdempotencyLookup;
import io.logcentral.storage.IdempotentAnswer;
import io.logcentral.web.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * {@code Idempotency-Key}: a request retried within 24 h gets the first answer again and stores nothing twice. The
 * answer is committed with the logs, so a crash cannot separate them; a retry that arrives while the first try is
 * still running waits for it. The key is bound to the body it was first sent with: another body under the same key
 * is refused rather than answered with the first request's answer, which would drop its logs without a word.
 */
@Component
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    private record Running(String bodyHash, CompletableFuture<IngestAnswer> answer) {}

    private final IdempotencyLookup lookup;
    private final KeptErrors keptErrors;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    IdempotencyKeys(IdempotencyLookup lookup, KeptErrors keptErrors) {
        this.lookup = lookup;
        this.keptErrors = keptErrors;
    }

    /**
     * @param bodyHash {@link Digests#body} of the request
     * @param firstTry stores the request, given the key's hash, when the key is new
     */
    IngestAnswer once(TokenPrincipal principal, String key, String bodyHash, Function<String, IngestAnswer> firstTry) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw problem(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String keyHash = Digests.sha256(principal.name() + "\n" + key);
        Running mine = new Running(bodyHash, new CompletableFuture<>());
        Running earlier = running.putIfAbsent(keyHash, mine);
        if (earlier != null) {
            requireSameBody(earlier.bodyHash(), bodyHash);
            return await(earlier.answer());
        }
        try {
            IngestAnswer answer = lookup.find(keyHash, Instant.now().minus(KEPT))
                    .map(kept -> replay(kept, bodyHash))
                    .orElseGet(() -> firstTry.apply(keyHash));
            mine.answer().complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.answer().completeExceptionally(e);
            throw e;
        } finally {
            running.remove(keyHash, mine);
        }
    }

    private IngestAnswer replay(IdempotentAnswer kept, String bodyHash) {
        // Answers kept before bodies were hashed carry none: they replay as they always did, for their last hours.
        if (kept.bodyHash() != null) {
            requireSameBody(kept.bodyHash(), bodyHash);
        }
        return new IngestAnswer(
                kept.status(), keptErrors.response(kept.firstId(), kept.logCount(), kept.errorsJson()), true);
    }

    private static void requireSameBody(String first, String now) {
        if (!first.equals(now)) {
            throw problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Idempotency-Key reused with a different body: send new logs under a new key");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String error) {
        return new ErrorResponseException(status, Problems.forField(status, "Idempotency-Key", error), null);
    }

    private static IngestAnswer await(CompletableFuture<IngestAnswer> earlier) {
        try {
            return earlier.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first try", e);
        }
    }
}
