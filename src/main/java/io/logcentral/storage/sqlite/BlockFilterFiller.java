package io.logcentral.storage.sqlite;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the block filters ({@link BlockFilters}) whole in the background: fills in those of blocks that have none (a
 * store written before they existed, or a block whose transaction failed), a few blocks a transaction so the log
 * writer never waits long, and drops those of blocks retention emptied. Until a block has filters, lookups read it
 * whole, so nothing is missed meanwhile.
 */
@Component
@SqliteStore
class BlockFilterFiller {

    private static final Logger log = LoggerFactory.getLogger(BlockFilterFiller.class);
    private static final int BLOCKS_AT_ONCE = 4;

    private final SqliteLogWriter writer;
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "block-filters");
        thread.setDaemon(true);
        return thread;
    });

    BlockFilterFiller(SqliteLogWriter writer) {
        this.writer = writer;
    }

    @PostConstruct
    void start() {
        timer.scheduleWithFixedDelay(this::fill, 1, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** A failed step (a busy store) is counted and tried again at the next interval. */
    void fill() {
        try {
            long filled = 0;
            int step;
            do {
                step = writer.fillMissingFilters(BLOCKS_AT_ONCE);
                filled += step;
            } while (step == BLOCKS_AT_ONCE && !Thread.currentThread().isInterrupted());
            if (filled > 0) {
                log.info("Filled in the lookup filters of {} blocks of 4096 logs", filled);
            }
            writer.dropEmptiedFilters();
        } catch (Throwable e) {
            // Whatever escaped would end the schedule for good.
            log.warn("Filling in lookup filters failed ({} so far): {}", failures.incrementAndGet(), e.toString());
        }
    }
}
