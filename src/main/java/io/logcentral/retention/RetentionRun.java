package io.logcentral.retention;

import io.logcentral.pipeline.Maintenance;
import io.logcentral.storage.LogWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Deletes what the retention rules let go, a small transaction at a time on the writer thread, and gives the space
 * back to the disk in small steps after it. Runs again at once while it finds more, else after a rest.
 */
@Component
public class RetentionRun implements Maintenance {

    private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);
    /** A store up to this size is converted to incremental vacuum at start: its one VACUUM is quick. */
    private static final long CONVERTIBLE_BYTES = DataSize.ofMegabytes(64).toBytes();
    /** 4 MiB of 4 KiB pages a step. */
    private static final int PAGES_A_STEP = 1024;

    private final RetentionRules rules;
    private final RetentionProperties properties;
    private final LogWriter writer;
    private final Clock clock;
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong pagesGivenBack = new AtomicLong();
    private volatile Instant nextRun = Instant.MIN;
    private boolean converted;
    private volatile Instant lastPass;

    RetentionRun(RetentionRules rules, RetentionProperties properties, LogWriter writer, Clock clock) {
        this.rules = rules;
        this.properties = properties;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public boolean step() {
        Instant now = clock.instant();
        if (now.isBefore(nextRun)) {
            return false;
        }
        if (!converted) {
            converted = true;
            boolean returnable = writer.makeSpaceReturnable(CONVERTIBLE_BYTES);
            log.info("Space of deleted logs {}", returnable ? "goes back to the disk" : "is reused inside the store");
        }
        int gone = writer.deleteExpired(rules.expiries(now), properties.stepLogs());
        long pages = writer.giveBackSpace(PAGES_A_STEP);
        deleted.addAndGet(gone);
        pagesGivenBack.addAndGet(pages);
        boolean more = gone == properties.stepLogs() || pages == PAGES_A_STEP;
        if (!more) {
            lastPass = now;
            nextRun = now.plus(properties.checkEvery());
        }
        return more;
    }

    /** Rules changed: the next step runs a pass at once instead of after the rest. */
    void wakeUp() {
        nextRun = Instant.MIN;
    }

    /** What {@code /metrics} shows. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("retention_deleted_logs", deleted.get());
        snapshot.put("retention_pages_given_back", pagesGivenBack.get());
        return snapshot;
    }

    Instant lastPass() {
        return lastPass;
    }
}
