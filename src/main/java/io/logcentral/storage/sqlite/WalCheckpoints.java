package io.logcentral.storage.sqlite;

import io.logcentral.storage.StorageProperties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Copies the write-ahead log back into the store on a thread of its own, so that the log writer's commits seldom do it
 * themselves: a commit that runs SQLite's own checkpoint waits until the pages are copied and synced, and every request
 * of its batch with it. Passive, this never waits for the writer or a reader. The writer's own checkpoint, at the end
 * of a {@link WalRound}, is left as the backstop: it finds most of the log copied already, and only after it can the
 * log start over, since under steady ingest this thread is always a few commits behind.
 *
 * <p>After the writer's pool: that is where a new store file is made incremental, before any connection writes its
 * first page ({@link StoreSpace#prepare}); this connection, in WAL mode, would write it.
 */
@Component
@SqliteStore
@DependsOn(SqliteDataSources.WRITER)
class WalCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);
    private static final long EVERY_MILLIS = 100;

    private final OwnConnection connection;
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wal-checkpoints");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastError;

    WalCheckpoints(StorageProperties properties) {
        this.connection = new OwnConnection(SqliteDataSources.baseConfig(properties), properties.databaseFile());
    }

    @PostConstruct
    void start() {
        timer.scheduleWithFixedDelay(this::step, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        connection.close();
    }

    /** For {@code /health} details. */
    Map<String, Object> health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failures", failures.get());
        details.put("last_error", lastError);
        return details;
    }

    /** A failed step (the file gone, a closed connection) is counted, and the next opens a new connection. */
    void step() {
        try {
            try (Statement statement = connection.get().createStatement();
                    ResultSet ignored = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                // One row: whether it was blocked, the log's pages, how many of them are in the store now.
            }
        } catch (Throwable e) {
            // Whatever escaped would end the schedule for good.
            lastError = e.toString();
            log.warn(
                    "Checkpointing the write-ahead log failed ({} so far): {}",
                    failures.incrementAndGet(),
                    e.toString());
            connection.close();
        }
    }
}
