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
import java.util.function.LongFunction;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writer holds the filters of sealed blocks in memory and writes a number of blocks' at once; readers narrow lookups
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
    private LongFunction<String> attributesOf = id -> "{}";

    @BeforeEach
    void openStore() {
        StorageProperties settings = new StorageProperties(
                dir, new StorageProperties.Store(StorageProperties.Sync.NORMAL, 5000, 2, false, "10%,1GB"));
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
    void sealedBlocksWaitInMemoryUntilAWritesWorthAreSealedAndLookupsAreNarrowedMeanwhile() {
        UnwrittenFilters unwritten = new UnwrittenFilters();
        SqliteLogWriter writer = new SqliteLogWriter(writerPool, unwritten);
        TextSearch search = new TextSearch(jdbc, (rs, row) -> null, unwritten);
        int sealedBeforeTheWrite = UnwrittenFilters.BLOCKS_PER_WRITE - 1;

        send(writer, sealedBeforeTheWrite * BLOCK + 10);

        assertThat(unwritten.size()).isEqualTo(sealedBeforeTheWrite);
        assertThat(filterRows()).isZero();
        List<IdRange> fromMemory = search.candidateRanges(byRequestId(3 * BLOCK + 300));
        assertThat(fromMemory).contains(granuleOf(3 * BLOCK + 300));
        // The sealed blocks narrowed to a granule or two each would be read whole without the filters in memory; the
        // block being filled is read whole.
        assertThat(ids(fromMemory)).isLessThan(4 * BLOCK);

        send(writer, BLOCK);
        int slices = BlockFilters.SEGMENTS / SqliteLogWriter.SEGMENTS_A_COMMIT;
        long rowsASlice = (long) UnwrittenFilters.BLOCKS_PER_WRITE * SqliteLogWriter.SEGMENTS_A_COMMIT;
        // The write goes a slice of segments a commit, so no one commit holds the requests waiting for all of it.
        for (int slice = 0; slice < slices; slice++) {
            assertThat(filterRows()).isEqualTo(slice * rowsASlice);
            assertThat(unwritten.size()).isEqualTo(UnwrittenFilters.BLOCKS_PER_WRITE);
            assertThat(before(search.candidateRanges(byRequestId(3 * BLOCK + 300)), sealedBeforeTheWrite * BLOCK))
                    .isEqualTo(before(fromMemory, sealedBeforeTheWrite * BLOCK));
            send(writer, 1);
        }

        assertThat(unwritten.size()).isZero();
        assertThat(filterRows()).isEqualTo((long) UnwrittenFilters.BLOCKS_PER_WRITE * BlockFilters.SEGMENTS);
        // The same granules of the sealed blocks, now read from the table.
        assertThat(before(search.candidateRanges(byRequestId(3 * BLOCK + 300)), sealedBeforeTheWrite * BLOCK))
                .isEqualTo(before(fromMemory, sealedBeforeTheWrite * BLOCK));
    }

    @Test
    void aFilterWriteCutShortByAKillMissesNoLogAndItsBlocksAreFilledIn() {
        // An attribute whose value is found only by its any-value probe (a number with a fraction), under a key whose
        // exact-value probe lies in a segment the write reaches first: after the kill, the block has a row for that
        // probe and none for the other.
        String key = null;
        List<BlockFilters.Probe> condition = null;
        for (int i = 0; key == null; i++) {
            List<BlockFilters.Probe> probes =
                    BlockFilters.probes(byAttribute("k" + i, "1.5")).get(0);
            if (probes.get(0).segment() > probes.get(1).segment()) {
                key = "k" + i;
                condition = probes;
            }
        }
        int slicesWritten =
                (BlockFilters.SEGMENTS - condition.get(0).segment() - 1) / SqliteLogWriter.SEGMENTS_A_COMMIT + 1;
        long target = 5L * BLOCK + 77;
        String attributes = "{\"" + key + "\": 1.5}";
        attributesOf = id -> id == target ? attributes : "{}";
        UnwrittenFilters beforeKill = new UnwrittenFilters();
        SqliteLogWriter writer = new SqliteLogWriter(writerPool, beforeKill);
        send(writer, UnwrittenFilters.BLOCKS_PER_WRITE * BLOCK + 10);
        for (int slice = 0; slice < slicesWritten; slice++) {
            send(writer, 1);
        }
        assertThat(BlockFilters.SEGMENTS - slicesWritten * SqliteLogWriter.SEGMENTS_A_COMMIT)
                .as("the any-value probe's segment is not written yet")
                .isGreaterThan(condition.get(1).segment());
        List<IdRange> fromMemory =
                new TextSearch(jdbc, (rs, row) -> null, beforeKill).candidateRanges(byAttribute(key, "1.5"));

        UnwrittenFilters afterKill = new UnwrittenFilters();
        SqliteLogWriter restarted = new SqliteLogWriter(writerPool, afterKill);
        TextSearch search = new TextSearch(jdbc, (rs, row) -> null, afterKill);
        assertThat(search.candidateRanges(byAttribute(key, "1.5")))
                .anyMatch(range -> range.first() <= target && target <= range.last());
        while (restarted.fillMissingFilters(1) > 0) {
            // one block a transaction, as the background filler does
        }
        assertThat(search.candidateRanges(byAttribute(key, "1.5"))).isEqualTo(fromMemory);
        assertThat(fromMemory).anyMatch(range -> range.first() <= target && target <= range.last());
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

    @Test
    void theFiltersTheWriterSealsAreThoseOfItsLogsUnderTheIdsTheyGotAlsoAfterARestart() {
        // Batches that end mid-granule, so a mark drawn for the wrong id would set another granule's bits.
        send(new SqliteLogWriter(writerPool, new UnwrittenFilters()), BLOCK + BLOCK / 2, 777);
        UnwrittenFilters unwritten = new UnwrittenFilters();
        send(new SqliteLogWriter(writerPool, unwritten), 3 * BLOCK, 777);

        Map<Long, long[]> sealed = unwritten.now();
        assertThat(sealed.keySet()).containsExactly(1L, 2L, 3L);
        for (Map.Entry<Long, long[]> block : sealed.entrySet()) {
            BlockFilters.Builder fromLogs = new BlockFilters.Builder();
            jdbc.sql("SELECT id, message, request_id, trace_id, attributes FROM logs WHERE id >> ? = ?")
                    .param(LogBlocks.BITS)
                    .param(block.getKey())
                    .query(rs -> {
                        fromLogs.add(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    });
            assertThat(block.getValue()).as("block %d", block.getKey()).isEqualTo(fromLogs.words());
        }
    }

    private void send(SqliteLogWriter writer, int count) {
        send(writer, count, 5000);
    }

    /** Logs with ids {@code sent + 1 ..}, each with request id {@code req-<id>}, in batches as ingest sends them. */
    private void send(SqliteLogWriter writer, int count, int batchSize) {
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
                    attributesOf.apply(id)));
            if (batch.size() == batchSize || i == count - 1) {
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

    private static LogQuery byAttribute(String key, String value) {
        return new LogQuery(
                null, null, null, null, null, null, null, null, null, Map.of(key, value), null, false, 10, 0);
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
