package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log writer's commits leave copying the write-ahead log into the store file to a thread of their own, up to a
 * backstop past which the writer checkpoints itself, so the log cannot grow without end.
 */
class WalCheckpointerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final long MB = 1 << 20;
    private static final String KILOBYTE = "x".repeat(1000);

    @TempDir
    Path dir;

    private HikariDataSource writerPool;
    private HikariDataSource checkpointConnection;
    private SqliteLogWriter writer;
    private long sent;

    @BeforeEach
    void openStore() throws SQLException {
        StorageProperties settings =
                new StorageProperties(dir, new StorageProperties.Store(StorageProperties.Sync.NORMAL, 5000, 2, false));
        SqliteDataSources pools = new SqliteDataSources();
        writerPool = pools.logWriterPool(settings);
        checkpointConnection = pools.walCheckpointConnection(settings);
        Flyway.configure()
                .dataSource(writerPool)
                .locations("classpath:db/migration/sqlite")
                .load()
                .migrate();
        writer = new SqliteLogWriter(writerPool, new UnwrittenFilters());
        try (Connection sqlite = checkpointConnection.getConnection();
                Statement statement = sqlite.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @AfterEach
    void closeStore() {
        writerPool.close();
        checkpointConnection.close();
    }

    @Test
    void theWritersCommitsCheckpointOnlyPastTheBackstopSoTheLogStaysBounded() {
        long file = size("logcentral.db");

        // 12 MB of logs: past SQLite's 1,000 pages, short of the backstop's 10,000.
        send(12_000);
        assertThat(size("logcentral.db-wal")).isGreaterThan(12 * MB);
        assertThat(size("logcentral.db")).isEqualTo(file);

        // 36 MB more: the backstop checkpoints and the log starts again from its beginning.
        send(36_000);
        assertThat(size("logcentral.db")).isGreaterThan(file + 30 * MB);
        assertThat(size("logcentral.db-wal")).isLessThan(WalCheckpointer.WRITER_CHECKPOINT_PAGES * 4096L + 8 * MB);
    }

    @Test
    void committedLogsReachTheStoreFileFromTheCheckpointThread() throws InterruptedException {
        long file = size("logcentral.db");
        WalCheckpointer checkpoints = new WalCheckpointer(checkpointConnection);
        checkpoints.start();
        try {
            send(12_000);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (size("logcentral.db") <= file + 12 * MB && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(size("logcentral.db")).isGreaterThan(file + 12 * MB);
        } finally {
            checkpoints.stop();
        }
    }

    /** {@code count} logs of a kilobyte each, in batches of 1,000 as ingest sends them, one after another. */
    private void send(int count) {
        List<NewLog> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ++sent;
            batch.add(new NewLog(
                    NOW.plusMillis(id),
                    NOW.plusMillis(id),
                    "svc",
                    Severity.INFO,
                    "log " + id + " " + KILOBYTE,
                    "req-" + id,
                    null,
                    null,
                    null,
                    "{}"));
            if (batch.size() == 1000) {
                writer.insert(batch, List.of());
                batch.clear();
            }
        }
    }

    private long size(String file) {
        try {
            return Files.size(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
