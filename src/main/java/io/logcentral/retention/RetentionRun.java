package io.logcentral.retention;

import io.logcentral.pipeline.Maintenance;
import io.logcentral.storage.LogWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Deletes what the retention rules let go, a small transaction at a time on the writer thread, and gives the space
 * back to the disk in small steps after it. Runs again at once while it finds more, else after a rest.
 */
@Component
public class RetentionRun implements Maintenance {

    /** Given back to the disk a step at most: moving pages to the end of the file holds the writer. */
    private static final long BYTES_A_STEP = DataSize.ofMegabytes(4).toBytes();

    private final RetentionRules rules;
    private final RetentionProperties properties;
    private final LogWriter writer;
    private final Clock clock;
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong bytesGivenBack = new AtomicLong();
    private volatile Instant nextRun = Instant.MIN;
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
        int gone = writer.deleteExpired(rules.expiries(now), properties.stepLogs());
        long bytes = writer.giveBackSpace(BYTES_A_STEP);
        deleted.addAndGet(gone);
        bytesGivenBack.addAndGet(bytes);
        boolean more = gone == properties.stepLogs() || bytes == BYTES_A_STEP;
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
        snapshot.put("retention_bytes_given_back", bytesGivenBack.get());
        return snapshot;
    }

    Instant lastPass() {
        return lastPass;
    }
}
