package io.logcentral.ingest;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.IdempotencyLookup;
import io.logcentral.storage.IdempotentAnswer;
import io.logcentral.web.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key}: a request retried within 24 h gets the first answer again and stores nothing twice. The
 * answer is committed with the logs, so a crash cannot separate them; a retry that arrives while the first try is
 * still running waits for it.
 */
@Component
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyLookup lookup;
    private final JsonMapper json;
    private final Map<String, CompletableFuture<IngestAnswer>> running = new ConcurrentHashMap<>();

    IdempotencyKeys(IdempotencyLookup lookup, JsonMapper json) {
        this.lookup = lookup;
        this.json = json;
    }

    IngestAnswer once(TokenPrincipal principal, String key, Function<String, IngestAnswer> firstTry) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.forField(
                            HttpStatus.BAD_REQUEST,
                            "Idempotency-Key",
                            "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters"),
                    null);
        }
        String keyHash = Digests.sha256(principal.name() + "\n" + key);
        CompletableFuture<IngestAnswer> mine = new CompletableFuture<>();
        CompletableFuture<IngestAnswer> earlier = running.putIfAbsent(keyHash, mine);
        if (earlier != null) {
            return await(earlier);
        }
        try {
            IngestAnswer answer = lookup.find(keyHash, Instant.now().minus(KEPT))
                    .map(this::replay)
                    .orElseGet(() -> firstTry.apply(keyHash));
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(keyHash, mine);
        }
    }

    String errorsJson(List<ItemError> errors) {
        return json.writeValueAsString(errors);
    }

    private IngestAnswer replay(IdempotentAnswer kept) {
        List<Long> ids = LongStream.range(kept.firstId(), kept.firstId() + kept.logCount())
                .boxed()
                .toList();
        List<ItemError> errors = json.readValue(kept.errorsJson(), new TypeReference<List<ItemError>>() {});
        return new IngestAnswer(kept.status(), IngestResponse.of(ids, errors), true);
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
