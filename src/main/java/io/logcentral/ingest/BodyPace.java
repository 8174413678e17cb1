package io.logcentral.ingest;

import java.time.Duration;

/**
 * Whether a body arrives fast enough. Tomcat's connection timeout bounds each read only, so a client sending a byte
 * every few seconds would keep a request thread (and its share of the body budget) for as long as it likes.
 */
final class BodyPace {

    private final long startNanos = System.nanoTime();
    private final long graceNanos;
    private final long minBytesPerSecond;

    BodyPace(Duration grace, long minBytesPerSecond) {
        this.graceNanos = grace.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
    }

    /** @throws BodyTooSlowException (408) when, past the grace, fewer than the minimum rate's bytes have come */
    void check(long received) {
        long elapsed = System.nanoTime() - startNanos;
        if (elapsed <= graceNanos || minBytesPerSecond <= 0) {
            return;
        }
        double expected = minBytesPerSecond * (elapsed / 1e9);
        if (received < expected) {
            throw new BodyTooSlowException(minBytesPerSecond);
        }
    }
}
