package io.logcentral.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Requests and logs a second per token, as token buckets that hold one second's worth: a token may burst to its limit,
 * then goes at its rate. The limits are the token's own (configuration or its API body), else the defaults.
 */
@Component
public class RateLimits {

    /** One token's buckets, made again when its limits change; a null bucket is no limit. */
    private record Buckets(TokenLimits limits, Bucket requests, Bucket logs) {}

    private final TokenRegistry registry;
    private final TokenLimits defaults;
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();

    RateLimits(TokenRegistry registry, RateLimitProperties properties) {
        this.registry = registry;
        this.defaults = properties.defaults();
    }

    /** @throws RateLimitedException (429) when the token is over its requests a second */
    void takeRequest(TokenPrincipal principal) {
        Buckets own = bucketsOf(principal.name());
        if (own.requests() != null) {
            take(own.requests(), 1, "requests", own.limits().requestsPerSecond());
        }
    }

    /**
     * Counts {@code count} logs against the token's logs a second. A request of more logs than one second allows is
     * taken when the bucket is full and leaves it in debt, so a big batch is slowed, never refused for ever.
     *
     * @throws RateLimitedException (429) when the token is over its logs a second
     */
    public void takeLogs(TokenPrincipal principal, int count) {
        Buckets own = bucketsOf(principal.name());
        if (own.logs() == null || count <= 0) {
            return;
        }
        long capacity = own.limits().logsPerSecond();
        take(own.logs(), Math.min(count, capacity), "logs", capacity);
        if (count > capacity) {
            own.logs().consumeIgnoringRateLimits(count - capacity);
        }
    }

    private static void take(Bucket bucket, long count, String what, long limit) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(count);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            throw new RateLimitedException(what, limit, seconds);
        }
    }

    private Buckets bucketsOf(String name) {
        TokenLimits limits = registry.limitsOf(name).orElse(TokenLimits.NONE).or(defaults);
        Buckets current = buckets.get(name);
        if (current != null && current.limits().equals(limits)) {
            return current;
        }
        // Made under the map's lock, so two first requests of a token cannot each get a full bucket of their own.
        return buckets.compute(
                name,
                (key, existing) -> existing != null && existing.limits().equals(limits)
                        ? existing
                        : new Buckets(limits, bucket(limits.requestsPerSecond()), bucket(limits.logsPerSecond())));
    }

    private static Bucket bucket(Long perSecond) {
        if (perSecond == null) {
            return null;
        }
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perSecond)
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
