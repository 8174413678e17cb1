package io.logcentral.retention;

import static io.logcentral.retention.Store.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.TestTokens;
import io.logcentral.storage.StorageProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

// SQLite only: the disk guard watches the SQLite file's disk; on PostgreSQL it has nothing to delete.
@SqliteOnly
@OwnServerTest
@Import(TestDisk.Config.class)
@TestPropertySource(properties = {"logcentral.storage.min-free=4MB", "logcentral.retention.max-age=3650d"})
class DiskGuardTest {

    private static final long RESERVE = 4L << 20;
    private static final long ONE_BATCH = 256L << 10;
    /** More DEBUGs than the guard deletes here (about 10,000 logs), so the ERRORs received after them stay. */
    private static final int DEBUG_BATCHES = 16;

    private static final Instant DAY_ONE = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant DAY_TWO = Instant.parse("2025-06-02T00:00:00Z");
    private static final String PADDING = " lorem ipsum dolor sit amet".repeat(10);

    @LocalServerPort
    int port;

    @Autowired
    TestDisk disk;

    @Autowired
    StorageProperties storage;

    Store store;

    @BeforeEach
    void setUp() {
        store = new Store(new Api(port), storage.databaseFile());
    }

    @Test
    void nearTheReserveTheLogsReceivedFirstGoBelowErrorFirstWhileIngestKeepsAnswering201AndTheDiskKeepsItsReserve()
            throws Exception {
        long firstDebug = store.ingest(logs("old", "DEBUG", DAY_ONE, 1000)).get(0);
        for (int quarter = 1; quarter < DEBUG_BATCHES; quarter++) {
            store.ingest(logs("old", "DEBUG", DAY_ONE.plusSeconds(quarter * 900L), 1000));
        }
        for (int hour = 0; hour < 3; hour++) {
            store.ingest(logs("old", "ERROR", DAY_ONE.plusSeconds(hour * 3600L), 1000));
        }
        store.ingest(logs("older-day-two", "INFO", DAY_TWO, 1000));
        store.ingest(logs("older-day-two", "INFO", DAY_TWO.plusSeconds(3600), 1000));

        disk.leaveFree(RESERVE + RESERVE / 4 + (2L << 20));
        int batches = 0;
        long lowestFree = Long.MAX_VALUE;
        while (deletedByGuard() == 0 || batches < 10) {
            store.ingest(logs("new", "INFO", Instant.now(), 500));
            lowestFree = Math.min(lowestFree, disk.usableBytes());
            batches++;
            assertThat(batches).as("batches before the guard acted").isLessThan(200);
        }
        Store.await(() -> !guard().get("acting").asBoolean(), "the guard to come to rest");
        // The checkpoint thread copies the write-ahead log into the store file up to 100 ms after the last commit, so
        // after the guard's last look; the guard sees that at its next check, which an idle writer makes every second.
        awaitQuietFiles();
        Thread.sleep(1_500);
        Store.await(() -> !guard().get("acting").asBoolean(), "the guard to come to rest after its next check");

        // The guard acts after a commit, so one batch (500 logs, about 200 KB with its index and WAL) may take the disk
        // under the reserve before the next check deletes; the old accounting let it sit megabytes under.
        assertThat(lowestFree)
                .as("the disk's free space after every batch")
                .isGreaterThanOrEqualTo(RESERVE - ONE_BATCH);
        assertThat(guard().get("free_bytes").asLong())
                .as("free space the guard shows is the disk's, not the store's own")
                .isCloseTo(disk.usableBytes(), within(64L << 10));
        assertThat(store.statusOf(firstDebug)).isEqualTo(404);
        long debugLeft = store.counted("old", "&level=DEBUG");
        long dayTwoLeft = store.counted("older-day-two", "");
        assertThat(debugLeft).isLessThan(DEBUG_BATCHES * 1000L);
        // Below ERROR, in the order received: day two's INFOs, received after the DEBUGs, go only once those are gone;
        // ERRORs are kept twice as far back as the rest, so while DEBUGs received before them are left, they all stay.
        if (debugLeft > 0) {
            assertThat(dayTwoLeft).isEqualTo(2000);
            assertThat(store.counted("old", "&level=ERROR")).isEqualTo(3000);
        }
        assertThat(store.listed("old")).isEqualTo(store.counted("old", ""));
        assertThat(store.listed("older-day-two")).isEqualTo(dayTwoLeft);
        assertThat(store.found("older-day-two", "&q=lorem")).isEqualTo(Math.min(1000, dayTwoLeft));
        assertThat(guard().get("free_bytes").asLong()).isGreaterThanOrEqualTo(RESERVE);
    }

    private void awaitQuietFiles() throws InterruptedException {
        long[] last = {-1};
        int[] unchanged = {0};
        Store.await(
                () -> {
                    long used = disk.used();
                    unchanged[0] = used == last[0] ? unchanged[0] + 1 : 0;
                    last[0] = used;
                    return unchanged[0] >= 6;
                },
                "the store's files to stop changing");
    }

    private long deletedByGuard() {
        return guard().get("deleted_logs").asLong();
    }

    private JsonNode guard() {
        Api.Reply health = store.api().get("/health").token(TestTokens.ADMIN).send();
        return health.json().get("disk_guard");
    }

    static List<Map<String, Object>> logs(String service, String severity, Instant from, int count) {
        List<Map<String, Object>> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(log(service, severity, from.plus(Duration.ofMillis(i)), "log " + i + PADDING));
        }
        return logs;
    }
}
