package io.logcentral.storage.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Copies committed pages from the write-ahead log into the store file on a thread of its own, so that the log writer's
 * commits do not. Left to itself, SQLite checkpoints inside the commit that takes the log past 1,000 pages: on the
 * writer's thread, the store's bottleneck, copying and syncing while no log is written. The writer's write connection
 * now checkpoints only past {@link #WRITER_CHECKPOINT_PAGES}, as a backstop: the log starts again from its beginning
 * only when a write transaction begins with every page copied, which a writer that never pauses never finds after a
 * checkpoint on another thread (without the backstop the log grew to 2.8 GB over 3 M logs). By the time the backstop
 * runs, this thread has copied nearly everything, so the writer's own checkpoint is short.
 *
 * <p>A checkpoint never takes the write lock and never waits: when another one is running, this one gives up until the
 * next turn. Durability does not depend on it: a commit is in the log before its {@code 201}.
 */
@Component
@SqliteStore
class WalCheckpointer {

    /** The log pages past which the writer's own commit checkpoints (SQLite's default is 1,000): 40 MB of 4 KB pages. */
    static final int WRITER_CHECKPOINT_PAGES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
    private static final long PERIOD_MILLIS = 100;

    private final HikariDataSource connection;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wal-checkpoints");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failing;

    WalCheckpointer(@Qualifier(SqliteDataSources.CHECKPOINTS) HikariDataSource connection) {
        this.connection = connection;
    }

    @PostConstruct
    void start() {
        timer.scheduleWithFixedDelay(this::checkpoint, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies what the log holds that no reader still needs from it; nothing when it has nothing new. */
    void checkpoint() {
        try (Connection sqlite = connection.getConnection();
                Statement statement = sqlite.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            if (failing) {
                log.info("Checkpoints of the write-ahead log work again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            // The writer's backstop checkpoints meanwhile; one warning per spell of failures, not ten a second.
            if (!failing) {
                log.warn(
                        "A checkpoint of the write-ahead log failed, the writer checkpoints past {} pages meanwhile: {}",
                        WRITER_CHECKPOINT_PAGES,
                        e.toString());
                failing = true;
            }
        }
    }
}
