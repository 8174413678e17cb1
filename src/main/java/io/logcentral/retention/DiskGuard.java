package io.logcentral.retention;

import io.logcentral.pipeline.Maintenance;
import io.logcentral.storage.LogWriter;
import io.logcentral.storage.StorageProperties;
import io.logcentral.storage.StoreKind;
import io.logcentral.storage.StoreStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the reserve of free disk space. The reserve is the disk's: space inside the store left by deleted logs is room
 * for new logs, not for the rest of the disk, so it is counted apart. Near the high-water mark ({@link SpacePlan}) it
 * checks after every commit and deletes the logs received first, below ERROR first (OldestFirst), as much as the commits since the last
 * check took and more, then gives the freed space back to the disk; ingest goes on meanwhile. Only when the disk is
 * below the reserve and the store has no room of its own left are new logs refused (503 with Retry-After), until
 * deleting has caught up.
 */
@Component
public class DiskGuard implements Maintenance {

    private static final Logger log = LoggerFactory.getLogger(DiskGuard.class);
    /** A check deletes in at most this many transactions, so a commit waits behind the guard for no more. */
    private static final int MOST_STEPS = 16;

    private final FreeSpace disk;
    private final StorageProperties.Store storage;
    private final RetentionProperties retention;
    private final LogWriter writer;
    private final StoreStatus store;
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong givenBack = new AtomicLong();
    private volatile SpacePlan plan;
    private long lastCheckEnd = System.nanoTime();
    private volatile Space space;
    private volatile long reserveBytes = -1;
    private volatile boolean acting;
    private volatile boolean watching;
    private volatile boolean refusing;
    /** The guard keeps the disk of a store file; a database server's disk is watched by its own tools. */
    private final boolean guardsFile;

    DiskGuard(
            FreeSpace disk,
            StorageProperties properties,
            RetentionProperties retention,
            LogWriter writer,
            StoreStatus store,
            Environment environment) {
        this.disk = disk;
        this.storage = properties.storage();
        this.retention = retention;
        this.writer = writer;
        this.store = store;
        this.plan = SpacePlan.start((long) MOST_STEPS * retention.stepLogs());
        this.guardsFile = StoreKind.of(environment) == StoreKind.SQLITE;
        this.watching = guardsFile;
    }

    /** Disk free and store free, in bytes. */
    record Space(long disk, long store) {

        long room() {
            return disk + store;
        }
    }

    @Override
    public boolean step() {
        if (!guardsFile) {
            return false;
        }
        long reserve = storage.reserveBytes(disk.totalBytes());
        Space before = measure();
        plan = plan.seen(before.room(), reserve);
        boolean overSize = retention.maxSize() != null
                && store.sizeBytes() - before.store() > retention.maxSize().toBytes();
        long wanted = plan.logsToDelete(before.room());
        if (overSize) {
            wanted = Math.max(wanted, retention.stepLogs());
        }
        Space after = before;
        if (wanted > 0) {
            int gone = delete(wanted);
            after = measure();
            // By the store's own free space: the write-ahead log the deletes wrote to is the disk's cost, not theirs.
            plan = plan.freed(after.store() - before.store(), gone);
        }
        long giveBack = plan.bytesToGiveBack(after.disk(), after.store());
        if (giveBack > 0) {
            givenBack.addAndGet(writer.giveBackSpace(giveBack));
            after = measure();
        }
        plan = plan.settled(after.room());
        lastCheckEnd = System.nanoTime();
        report(after, reserve, wanted > 0);
        return wanted > 0;
    }

    /**
     * In transactions of a retention step each, for at most as long as the writer spent on commits since the last check,
     * so that deleting never takes more than half the writer from ingest (a deleted log frees less than a new one takes
     * until its page empties enough, so at full speed deleting needs that much). The first transaction always runs.
     */
    private int delete(long wanted) {
        long start = System.nanoTime();
        long budget = start - lastCheckEnd;
        int gone = 0;
        for (long left = wanted; left > 0 && (gone == 0 || System.nanoTime() - start < budget); ) {
            int step = (int) Math.min(left, retention.stepLogs());
            int now = writer.deleteOldestLowest(step);
            gone += now;
            left = now < step ? 0 : left - step;
        }
        deleted.addAndGet(gone);
        return gone;
    }

    private Space measure() {
        return new Space(disk.usableBytes(), writer.reusableBytes());
    }

    private void report(Space now, long reserve, boolean deleting) {
        boolean wasActing = acting;
        space = now;
        reserveBytes = reserve;
        acting = deleting;
        watching = plan.watch(now.room());
        refusing = plan.refuse(now.disk(), now.store());
        if (acting != wasActing) {
            log.info(
                    "Disk guard {}: {} bytes free on the disk, {} inside the store, reserve {}",
                    acting ? "acting" : "at rest",
                    now.disk(),
                    now.store(),
                    reserve);
        }
    }

    @Override
    public boolean urgent() {
        return watching;
    }

    @Override
    public boolean refusesWrites() {
        return refusing;
    }

    /** What {@code /health} and {@code /metrics} show. */
    public Map<String, Object> details() {
        Space now = space;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", guardsFile);
        details.put("acting", acting);
        details.put("refusing_writes", refusing);
        details.put("free_bytes", now == null ? -1 : now.disk());
        details.put("store_free_bytes", now == null ? -1 : now.store());
        details.put("reserve_bytes", reserveBytes);
        details.put("high_water_bytes", plan.highWater());
        details.put("deleted_logs", deleted.get());
        details.put("given_back_bytes", givenBack.get());
        return details;
    }
}
