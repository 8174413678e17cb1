package io.logcentral.pipeline;

import io.logcentral.storage.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests whose commit does not come in time, from one thread that looks a few times a second, so a request
 * waits for its commit without a timeout of its own: on a virtual thread every timed wait schedules a timer task and
 * cancels it, which cost about a tenth of the CPU of one log a request (profiled). A request the writer has not taken
 * when its time is up is taken out of the queue, so its 503 tells the truth: nothing of it will be stored. One the
 * writer has taken waits for the real outcome, which the writer always gives, unless the writer thread is gone.
 */
final class WriteDeadlines {

    private static final Logger log = LoggerFactory.getLogger(WriteDeadlines.class);
    private static final Duration MAX_TICK = Duration.ofMillis(100);
    /** A zero timeout must not make the thread spin. */
    private static final Duration MIN_TICK = Duration.ofMillis(1);

    private final WriteQueue queue;
    private final Duration timeout;
    private final BooleanSupplier writerRunning;
    private final Supplier<List<Pending>> taken;
    private final Runnable sweepFailed;
    private ScheduledExecutorService ticks;

    /**
     * @param taken the requests the writer is committing now
     * @param sweepFailed counts a sweep that threw, for {@code /health}
     */
    WriteDeadlines(
            WriteQueue queue,
            Duration timeout,
            BooleanSupplier writerRunning,
            Supplier<List<Pending>> taken,
            Runnable sweepFailed) {
        this.queue = queue;
        this.timeout = timeout;
        this.writerRunning = writerRunning;
        this.taken = taken;
        this.sweepFailed = sweepFailed;
    }

    void start() {
        ticks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "logcentral-write-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(MIN_TICK.toNanos(), Math.min(MAX_TICK.toNanos(), timeout.toNanos() / 10));
        ticks.scheduleWithFixedDelay(this::sweepSafely, tick, tick, TimeUnit.NANOSECONDS);
    }

    void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
        }
    }

    /**
     * Supervised as the writer's loop is: whatever one sweep throws, an {@code Error} included, is counted and the
     * schedule goes on (an escaping throwable would end it for good), and a later sweep answers what this one left.
     */
    private void sweepSafely() {
        try {
            sweep(System.nanoTime());
        } catch (Throwable e) {
            sweepFailed.run();
            log.warn("Answering requests past the write timeout failed", e);
        }
    }

    void sweep(long nowNanos) {
        for (Pending late : queue.removeQueuedUntil(nowNanos - timeout.toNanos())) {
            late.done()
                    .completeExceptionally(new StoreUnavailableException(
                            "the store did not commit in time; nothing was stored", null));
        }
        if (!writerRunning.getAsBoolean()) {
            for (Pending orphan : taken.get()) {
                orphan.done()
                        .completeExceptionally(
                                new StoreUnavailableException("the writer stopped before the commit ended", null));
            }
        }
    }
}
