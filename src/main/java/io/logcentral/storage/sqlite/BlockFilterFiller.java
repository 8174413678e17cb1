package io.logcentral.storage.sqlite;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the block filters ({@link BlockFilters}) whole in the background: fills in those of blocks that have none (a
 * store written before they existed, a block whose transaction failed, or blocks whose filters were still in memory
 * when the server was killed), one block a transaction, writes those the writer holds in memory once ingest pauses
 * ({@link UnwrittenFilters}), and drops those of blocks retention emptied. Until a block has filters, lookups read it
 * whole, so nothing is missed meanwhile.
 *
 * <p>The store has one write connection, which the log writer needs for every batch: after a step this rests nine
 * times as long as the step took (200 ms at least), so filling in an old store takes at most a tenth of the writer's
 * time. Taking the connection back to back would starve the writer: the pool hands a returned connection to the
 * thread that last held it first.
 */
@Component
@SqliteStore
class BlockFilterFiller {

    private static final Logger log = LoggerFactory.getLogger(BlockFilterFiller.class);
    private static final long REST_MILLIS = 200;
    private static final int REST_FACTOR = 9;
    private static final long IDLE_MILLIS = 5000;

    private final SqliteLogWriter writer;
    private final UnwrittenFilters unwritten;
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "block-filters");
        thread.setDaemon(true);
        return thread;
    });
    private long filled;
    private volatile String lastError;

    BlockFilterFiller(SqliteLogWriter writer, UnwrittenFilters unwritten) {
        this.writer = writer;
        this.unwritten = unwritten;
    }

    @PostConstruct
    void start() {
        timer.schedule(this::step, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** For {@code /health} details. */
    Map<String, Object> health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failures", failures.get());
        details.put("last_error", lastError);
        return details;
    }

    /** A failed step (a busy store) is counted and tried again after a rest. */
    void step() {
        long delay = IDLE_MILLIS;
        try {
            long start = System.nanoTime();
            if (writer.fillMissingFilters(1) > 0) {
                filled++;
                delay = Math.max(REST_MILLIS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) * REST_FACTOR);
            } else {
                if (unwritten.size() > 0 && unwritten.millisSinceLastAdded() >= IDLE_MILLIS) {
                    writer.writeUnwrittenFilters();
                }
                if (filled > 0) {
                    log.info("Filled in the lookup filters of {} blocks of 4096 logs", filled);
                    filled = 0;
                }
                writer.dropEmptiedFilters();
            }
        } catch (Throwable e) {
            // Whatever escaped would end the schedule for good.
            lastError = e.toString();
            log.warn("Filling in lookup filters failed ({} so far): {}", failures.incrementAndGet(), e.toString());
        }
        if (!timer.isShutdown()) {
            timer.schedule(this::step, delay, TimeUnit.MILLISECONDS);
        }
    }
}
