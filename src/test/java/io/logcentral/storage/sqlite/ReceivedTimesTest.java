package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StorageProperties;
import io.logcentral.storage.StoredLog;
import io.logcentral.storage.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Filters on the receipt time have no index of their own: they read the ids of the blocks whose range of receipt times
 * meets them (migration V15). Receipt times mostly rise with the ids, but not always (a request taken earlier may
 * commit later), and a block's range must cover every one of its logs, also in a store written before the blocks kept
 * those ranges.
 */
class ReceivedTimesTest {

    private static final int BLOCK = 1 << LogBlocks.BITS;
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<String> SERVICES = List.of("api", "billing", "auth");

    @TempDir
    Path dir;

    private final long seed = Long.getLong("received.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final List<StoredLog> written = new ArrayList<>();
    private long clock = Timestamps.toMicros(START);
    private HikariDataSource writerPool;
    private HikariDataSource readerPool;

    @AfterEach
    void closeStore() {
        writerPool.close();
        readerPool.close();
    }

    @Test
    void everyRangeOfReceiptTimesFindsExactlyTheLogsAScanFinds() {
        open(null);
        SqliteLogWriter writer = new SqliteLogWriter(writerPool, new UnwrittenFilters());
        while (written.size() < 5 * BLOCK + 123) {
            write(writer, 1 + random.nextInt(1500));
        }
        LogReader reader = new SqliteLogReader(readerPool, new UnwrittenFilters());

        for (int i = 0; i < 150; i++) {
            Long from = random.nextInt(4) == 0 ? null : someReceiptTime();
            Long to = random.nextInt(4) == 0 ? null : someReceiptTime();
            if (from != null && to != null && from > to) {
                Long swap = from;
                from = to;
                to = swap;
            }
            List<String> services = random.nextBoolean() ? null : List.of(SERVICES.get(random.nextInt(3)));
            boolean ascending = random.nextBoolean();
            Long low = from;
            Long high = to;
            Predicate<StoredLog> matches = log -> {
                long received = Timestamps.toMicros(log.receivedAt());
                return (low == null || received >= low)
                        && (high == null || received <= high)
                        && (services == null || services.contains(log.service()));
            };

            List<Long> found = reader.find(query(from, to, services, ascending)).stream()
                    .map(StoredLog::id)
                    .toList();

            assertThat(found)
                    .as("seed %d: received %s..%s, services %s, ascending %s", seed, from, to, services, ascending)
                    .isEqualTo(scan(matches, ascending));
        }
    }

    @Test
    void aStoreWrittenBeforeBlocksKeptReceiptTimesGetsThemFromItsLogsAndABlockLeftEmptyFillsAgain() {
        open(MigrationVersion.fromVersion("14"));
        JdbcClient writerJdbc = JdbcClient.create(writerPool);
        // As the writer of V14 left them: logs, and blocks with their event time ranges only.
        for (long id = 1; id <= 2 * BLOCK + 100; id++) {
            long received = clock += 1 + random.nextInt(2000);
            writerJdbc
                    .sql("INSERT INTO logs (id, ts, received_at, service, severity, message) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, received - random.nextInt(1_000_000), received, "api", Severity.INFO.ordinal(), "m")
                    .update();
        }
        writerJdbc
                .sql("INSERT INTO log_blocks (block, min_ts, max_ts) SELECT id >> 12, MIN(ts), MAX(ts) FROM logs"
                        + " GROUP BY id >> 12")
                .update();
        // The last block's logs deleted, its row left, as a deletion before empty blocks were dropped left them.
        writerJdbc.sql("DELETE FROM logs WHERE id >= ?").param(2 * BLOCK).update();
        long lastKept = 2 * BLOCK - 1;
        migrate(null);

        JdbcClient jdbc = JdbcClient.create(readerPool);
        for (long block = 0; block < 2; block++) {
            List<Long> range = receivedRange(jdbc, block);
            List<Long> fromLogs = jdbc.sql("SELECT MIN(received_at), MAX(received_at) FROM logs WHERE id >> 12 = ?")
                    .param(block)
                    .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                    .single();
            assertThat(range).as("block %d", block).isEqualTo(fromLogs);
        }
        assertThat(receivedRange(jdbc, 2)).containsOnlyNulls();

        // The next ids fall in the emptied block again.
        SqliteLogWriter writer = new SqliteLogWriter(writerPool, new UnwrittenFilters());
        long firstReceived = clock + 1;
        write(writer, 50);
        assertThat(written.get(0).id()).isEqualTo(lastKept + 1);
        assertThat(receivedRange(jdbc, 2))
                .containsExactly(
                        written.stream()
                                .mapToLong(log -> Timestamps.toMicros(log.receivedAt()))
                                .min()
                                .orElseThrow(),
                        written.stream()
                                .mapToLong(log -> Timestamps.toMicros(log.receivedAt()))
                                .max()
                                .orElseThrow());
        LogReader reader = new SqliteLogReader(readerPool, new UnwrittenFilters());
        assertThat(reader.find(query(firstReceived, null, null, true)).stream()
                        .map(StoredLog::id)
                        .toList())
                .isNotEmpty()
                .isEqualTo(scan(log -> Timestamps.toMicros(log.receivedAt()) >= firstReceived, true));
    }

    private void open(MigrationVersion target) {
        StorageProperties settings = new StorageProperties(
                dir, new StorageProperties.Store(StorageProperties.Sync.NORMAL, 5000, 2, false, "10%,1GB"));
        SqliteDataSources pools = new SqliteDataSources();
        writerPool = pools.logWriterPool(settings);
        readerPool = pools.logReaderPool(settings);
        migrate(target);
    }

    private void migrate(MigrationVersion target) {
        Flyway.configure()
                .dataSource(writerPool)
                .locations("classpath:db/migration/sqlite")
                .target(target == null ? MigrationVersion.LATEST : target)
                .load()
                .migrate();
    }

    /**
     * A batch as the server takes it: receipt times rising a millisecond or so apart, but now and then one taken up to
     * two seconds before its neighbours (it waited for its body, or for the writer); event times anywhere in the
     * last hour.
     */
    private void write(SqliteLogWriter writer, int count) {
        List<NewLog> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock += random.nextInt(2000);
            long received = random.nextInt(50) == 0 ? clock - random.nextInt(2_000_000) : clock;
            batch.add(new NewLog(
                    Timestamps.fromMicros(received - random.nextLong(3_600_000_000L)),
                    Timestamps.fromMicros(received),
                    SERVICES.get(random.nextInt(SERVICES.size())),
                    Severity.INFO,
                    "log",
                    null,
                    null,
                    null,
                    null,
                    "{}"));
        }
        long first = writer.insert(batch, List.of());
        for (int i = 0; i < batch.size(); i++) {
            NewLog log = batch.get(i);
            written.add(new StoredLog(
                    first + i,
                    log.timestamp(),
                    log.receivedAt(),
                    log.service(),
                    log.severity(),
                    log.message(),
                    null,
                    null,
                    null,
                    null,
                    "{}"));
        }
    }

    private long someReceiptTime() {
        StoredLog log = written.get(random.nextInt(written.size()));
        return Timestamps.toMicros(log.receivedAt()) + random.nextInt(3) - 1;
    }

    private List<Long> scan(Predicate<StoredLog> matches, boolean ascending) {
        Comparator<StoredLog> order = Comparator.comparing(StoredLog::timestamp).thenComparingLong(StoredLog::id);
        return written.stream()
                .filter(matches)
                .sorted(ascending ? order : order.reversed())
                .map(StoredLog::id)
                .toList();
    }

    private static List<Long> receivedRange(JdbcClient jdbc, long block) {
        return jdbc.sql("SELECT min_received, max_received FROM log_blocks WHERE block = ?")
                .param(block)
                .query((rs, row) -> {
                    List<Long> range = new ArrayList<>();
                    range.add(rs.getObject(1) == null ? null : rs.getLong(1));
                    range.add(rs.getObject(2) == null ? null : rs.getLong(2));
                    return range;
                })
                .single();
    }

    private static LogQuery query(Long from, Long to, List<String> services, boolean ascending) {
        return new LogQuery(
                null,
                null,
                from == null ? null : Timestamps.fromMicros(from),
                to == null ? null : Timestamps.fromMicros(to),
                services,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                ascending,
                100_000,
                0);
    }
}
