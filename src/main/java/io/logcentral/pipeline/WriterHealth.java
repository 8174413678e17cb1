package io.logcentral.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether the writer thread is doing its work: when it last committed, how long the oldest queued request has
 * waited and the batch (or maintenance step) being written has taken, how many batches failed in a row. Stuck means
 * dead, or either wait is longer than a request may wait for its commit.
 */
public final class WriterHealth {

    /** What {@code /health} shows of the writer. */
    public record Status(
            boolean alive,
            boolean stuck,
            Instant lastCommit,
            long oldestQueuedMillis,
            long currentBatchMillis,
            long failuresInARow,
            long iterationsFailed,
            long deadlineSweepsFailed) {}

    private final Clock clock;
    private final Duration stuckAfter;
    private final BooleanSupplier alive;
    private final Supplier<OptionalLong> oldestQueuedNanos;
    private final AtomicLong failuresInARow = new AtomicLong();
    private final AtomicLong iterationsFailed = new AtomicLong();
    private final AtomicLong deadlineSweepsFailed = new AtomicLong();
    private volatile Instant lastCommit;
    private volatile long batchSinceNanos;
    private volatile boolean inBatch;

    WriterHealth(Clock clock, Duration stuckAfter, BooleanSupplier alive, Supplier<OptionalLong> oldestQueuedNanos) {
        this.clock = clock;
        this.stuckAfter = stuckAfter;
        this.alive = alive;
        this.oldestQueuedNanos = oldestQueuedNanos;
    }

    void batchStarted() {
        batchSinceNanos = System.nanoTime();
        inBatch = true;
    }

    void batchEnded() {
        inBatch = false;
    }

    void committed() {
        lastCommit = clock.instant();
        failuresInARow.set(0);
    }

    void batchFailed() {
        failuresInARow.incrementAndGet();
    }

    /** Something outside a commit went wrong in the loop; the loop carries on. */
    void iterationFailed() {
        iterationsFailed.incrementAndGet();
    }

    /** {@link WriteDeadlines} failed to look for late requests once; it looks again at its next tick. */
    void deadlineSweepFailed() {
        deadlineSweepsFailed.incrementAndGet();
    }

    public Status status() {
        long now = System.nanoTime();
        OptionalLong oldest = oldestQueuedNanos.get();
        long waitedMillis = oldest.isEmpty() ? 0 : (now - oldest.getAsLong()) / 1_000_000;
        long batchMillis = inBatch ? (now - batchSinceNanos) / 1_000_000 : 0;
        boolean isAlive = alive.getAsBoolean();
        boolean stuck = !isAlive || Math.max(waitedMillis, batchMillis) > stuckAfter.toMillis();
        return new Status(
                isAlive,
                stuck,
                lastCommit,
                waitedMillis,
                batchMillis,
                failuresInARow.get(),
                iterationsFailed.get(),
                deadlineSweepsFailed.get());
    }
}
