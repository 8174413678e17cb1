package io.logcentral.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes admin actions older than {@code logcentral.audit.max-age}, in steps of {@link #STEP_ROWS}, each its own
 * transaction, so the store's write lock is never held long enough to make the log writer wait.
 */
@Component
public class AuditCleanup {

    static final int STEP_ROWS = 500;

    private static final Logger log = LoggerFactory.getLogger(AuditCleanup.class);

    private final AuditEventRepository events;
    private final AuditProperties properties;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    AuditCleanup(AuditEventRepository events, AuditProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        long every = properties.cleanupInterval().toMillis();
        timer.scheduleWithFixedDelay(this::cleanUp, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** For {@code /health}: cleanups that failed since start. */
    public long failures() {
        return failures.get();
    }

    /** A failed step (a busy store) is counted and tried again at the next interval. */
    void cleanUp() {
        try {
            long before = clock.millis() - properties.maxAge().toMillis();
            long deleted = 0;
            int step;
            do {
                step = events.deleteOlderThan(before, STEP_ROWS);
                deleted += step;
            } while (step == STEP_ROWS && !Thread.currentThread().isInterrupted());
            if (deleted > 0) {
                log.debug("Deleted {} audit events older than {}", deleted, properties.maxAge());
            }
        } catch (Throwable e) {
            // Whatever escaped would end the schedule for good.
            log.warn("Audit cleanup failed ({} so far): {}", failures.incrementAndGet(), e.toString());
        }
    }
}
