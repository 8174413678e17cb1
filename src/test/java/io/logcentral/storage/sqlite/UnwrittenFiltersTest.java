package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.storage.LogQuery;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StorageProperties;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writer holds the filters of sealed blocks in memory and writes sixteen blocks' at once; readers narrow lookups
 * with them meanwhile, and a block whose filters were lost with the process is filled in from its logs.
 */
class UnwrittenFiltersTest {

    private static final int BLOCK = 1 << LogBlocks.BITS;
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    private HikariDataSource writerPool;
    private HikariDataSource readerPool;
    private JdbcClient jdbc;
    private long sent;

    @BeforeEach
    void openStore() {
        StorageProperties settings =
                new StorageProperties(dir, new StorageProperties.Store(StorageProperties.Sync.NORMAL, 5000, 2, false));
        SqliteDataSources pools = new SqliteDataSources();
        writerPool = pools.logWriterPool(settings);
        readerPool = pools.logReaderPool(settings);
        Flyway.configure()
                .dataSource(writerPool)
                .locations("classpath:db/migration/sqlite")
                .load()
                .migrate();
        jdbc = JdbcClient.create(readerPool);
    }

    @AfterEach
    void closeStore() {
        writerPool.close();
        readerPool.close();
    }

    @Test
    void sealedBlocksWaitInMemoryUntilSixteenAreSealedAndLookupsAreNarrowedMeanwhile() {
        UnwrittenFilters unwritten = new UnwrittenFilters();
        SqliteLogWriter writer = new SqliteLogWriter(writerPool, unwritten);
        TextSearch search = new TextSearch(jdbc, (rs, row) -> null, unwritten);

        send(writer, 15 * BLOCK + 10);

        assertThat(unwritten.size()).isEqualTo(15);
        assertThat(filterRows()).isZero();
        List<IdRange> fromMemory = search.candidateRanges(byRequestId(3 * BLOCK + 300));
        assertThat(fromMemory).contains(granuleOf(3 * BLOCK + 300));
        // 15 blocks narrowed to a granule or two each would be read whole without the filters in memory; the block
        // being filled is read whole.
        assertThat(ids(fromMemory)).isLessThan(4 * BLOCK);

        send(writer, BLOCK);

        assertThat(unwritten.size()).isZero();
        assertThat(filterRows()).isEqualTo(16L * BlockFilters.SEGMENTS);
        // The same granules of the 15 blocks, now read from the table.
        assertThat(before(search.candidateRanges(byRequestId(3 * BLOCK + 300)), 15 * BLOCK))
                .isEqualTo(before(fromMemory, 15 * BLOCK));
    }

    @Test
    void filtersLostWithTheProcessAreFilledInFromTheLogsAndThoseOfAStopAreWritten() {
        UnwrittenFilters beforeKill = new UnwrittenFilters();
        send(new SqliteLogWriter(writerPool, beforeKill), 5 * BLOCK + 1);
        List<IdRange> fromMemory =
                new TextSearch(jdbc, (rs, row) -> null, beforeKill).candidateRanges(byRequestId(2 * BLOCK + 7));

        UnwrittenFilters afterRestart = new UnwrittenFilters();
        SqliteLogWriter restarted = new SqliteLogWriter(writerPool, afterRestart);
        TextSearch search = new TextSearch(jdbc, (rs, row) -> null, afterRestart);
        assertThat(ids(search.candidateRanges(byRequestId(2 * BLOCK + 7)))).isEqualTo(6L * BLOCK);
        while (restarted.fillMissingFilters(1) > 0) {
            // one block a transaction, as the background filler does
        }
        assertThat(search.candidateRanges(byRequestId(2 * BLOCK + 7))).isEqualTo(fromMemory);

        send(restarted, 2 * BLOCK);
        assertThat(afterRestart.size()).isEqualTo(2);
        restarted.stop();
        assertThat(afterRestart.size()).isZero();
        assertThat(filterRows()).isEqualTo(7L * BlockFilters.SEGMENTS);
    }

    /** Logs with ids {@code sent + 1 ..}, each with request id {@code req-<id>}, in batches of 5,000 as ingest sends. */
    private void send(SqliteLogWriter writer, int count) {
        List<NewLog> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ++sent;
            batch.add(new NewLog(
                    NOW.plusMillis(id),
                    NOW.plusMillis(id),
                    "svc",
                    Severity.INFO,
                    "log " + id,
                    "req-" + id,
                    null,
                    null,
                    null,
                    "{}"));
            if (batch.size() == 5000 || i == count - 1) {
                writer.insert(batch, List.of());
                batch.clear();
            }
        }
    }

    private long filterRows() {
        return jdbc.sql("SELECT COUNT(*) FROM log_filters").query(Long.class).single();
    }

    private static LogQuery byRequestId(long id) {
        return new LogQuery(null, null, null, null, null, null, null, "req-" + id, null, Map.of(), null, false, 10, 0);
    }

    private static IdRange granuleOf(long id) {
        long first = id >> BlockFilters.GRANULE_BITS << BlockFilters.GRANULE_BITS;
        return new IdRange(first, first + (1 << BlockFilters.GRANULE_BITS) - 1);
    }

    private static List<IdRange> before(List<IdRange> ranges, long id) {
        return ranges.stream().filter(range -> range.last() < id).toList();
    }

    private static long ids(List<IdRange> ranges) {
        return ranges.stream()
                .mapToLong(range -> range.last() - range.first() + 1)
                .sum();
    }
}
