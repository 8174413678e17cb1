package io.logcentral.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.TestTokens;
import io.logcentral.storage.StorageProperties;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

// SQLite only: max-size is enforced by the disk guard, which deletes nothing on PostgreSQL yet.
@SqliteOnly
@OwnServerTest
@TestPropertySource(properties = "logcentral.retention.max-size=3MB")
class MaxSizeTest {

    @LocalServerPort
    int port;

    @Autowired
    StorageProperties storage;

    @Test
    void pastMaxSizeTheOldestLogsGoWhileIngestKeepsAnswering201() throws Exception {
        Store store = new Store(new Api(port), storage.databaseFile());
        long first = store.ingest(DiskGuardTest.logs("sized", "DEBUG", Instant.now(), 1000))
                .get(0);
        for (int batch = 0; batch < 30; batch++) {
            store.ingest(DiskGuardTest.logs("sized", "INFO", Instant.now(), 1000));
        }

        Store.await(() -> store.statusOf(first) == 404, "the oldest log to go");
        assertThat(store.api()
                        .get("/health")
                        .token(TestTokens.ADMIN)
                        .send()
                        .json()
                        .get("disk_guard")
                        .get("deleted_logs")
                        .asLong())
                .isPositive();
        // The guard may still be deleting when ingest has stopped: the two counts agree once it rests.
        Store.await(() -> store.listed("sized") == store.counted("sized", ""), "the services and stats to agree");
        assertThat(store.listed("sized")).isLessThan(31_000);
    }
}
