package io.logcentral.retention;

import io.logcentral.pipeline.Maintenance;
import io.logcentral.storage.LogWriter;
import io.logcentral.storage.StoreStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the reserve of free disk space. Free space counts the pages of deleted logs inside the store, which new logs
 * reuse before the file grows. Below the reserve and a quarter, it deletes the oldest logs, lowest severity first,
 * after every batch until space is back above that mark (three transactions a step in the lower half of that band);
 * ingest goes on meanwhile. Only below the reserve itself,
 * when deleting could not keep up, are new logs refused (503 with Retry-After), until space is back.
 */
@Component
public class DiskGuard implements Maintenance {

    private static final Logger log = LoggerFactory.getLogger(DiskGuard.class);
    private static final long CHECK_EVERY_NANOS = Duration.ofMillis(100).toNanos();
    /**
     * Deep in the band above the reserve, a step is this many deletion transactions: one batch of ingest can bring
     * more logs than one transaction deletes, and deleting frees less than the logs took until FTS5 merges its index.
     */
    private static final int STEPS_WHEN_CLOSE = 3;

    private final FreeSpace disk;
    private final GuardProperties properties;
    private final RetentionProperties retention;
    private final LogWriter writer;
    private final StoreStatus store;
    private final AtomicLong deleted = new AtomicLong();
    private long lastCheckNanos = System.nanoTime() - CHECK_EVERY_NANOS;
    private volatile boolean acting;
    private volatile boolean refusing;
    private volatile long freeBytes = -1;
    private volatile long reserveBytes = -1;

    DiskGuard(
            FreeSpace disk,
            GuardProperties properties,
            RetentionProperties retention,
            LogWriter writer,
            StoreStatus store) {
        this.disk = disk;
        this.properties = properties;
        this.retention = retention;
        this.writer = writer;
        this.store = store;
    }

    @Override
    public boolean step() {
        long now = System.nanoTime();
        if (!acting && now - lastCheckNanos < CHECK_EVERY_NANOS) {
            return false;
        }
        lastCheckNanos = now;
        measure();
        if (!acting) {
            return false;
        }
        boolean close = freeBytes < reserveBytes + reserveBytes / 8;
        int gone = 0;
        for (int i = 0; i < (close ? STEPS_WHEN_CLOSE : 1); i++) {
            gone += writer.deleteOldestLowest(retention.stepLogs());
        }
        deleted.addAndGet(gone);
        return gone > 0;
    }

    private void measure() {
        long reusable = writer.reusableBytes();
        long free = disk.usableBytes() + reusable;
        long reserve = properties.reserveBytes(disk.totalBytes());
        boolean overSize = retention.maxSize() != null
                && store.sizeBytes() - reusable > retention.maxSize().toBytes();
        boolean wasActing = acting;
        freeBytes = free;
        reserveBytes = reserve;
        acting = free < reserve + reserve / 4 || overSize;
        refusing = free < reserve;
        if (acting != wasActing) {
            log.info("Disk guard {}: {} bytes free, reserve {}", acting ? "acting" : "at rest", free, reserve);
        }
    }

    @Override
    public boolean urgent() {
        return acting;
    }

    @Override
    public boolean refusesWrites() {
        return refusing;
    }

    /** What {@code /health} and {@code /metrics} show. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("acting", acting);
        details.put("refusing_writes", refusing);
        details.put("free_bytes", freeBytes);
        details.put("reserve_bytes", reserveBytes);
        details.put("deleted_logs", deleted.get());
        return details;
    }
}
