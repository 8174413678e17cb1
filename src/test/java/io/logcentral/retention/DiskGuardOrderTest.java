package io.logcentral.retention;

import static io.logcentral.retention.Store.log;
import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.storage.LogWriter;
import io.logcentral.storage.StorageProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The disk guard's deletion order frees the space of what it deletes, with the severities mixed as services send them. */
// SQLite only: measures the pages of the SQLite file.
@SqliteOnly
@OwnServerTest
class DiskGuardOrderTest {

    private static final String[] SEVERITIES = {"DEBUG", "INFO", "INFO", "WARNING", "ERROR"};
    private static final int BATCHES = 20;
    private static final int BATCH = 1000;

    @LocalServerPort
    int port;

    @Autowired
    StorageProperties storage;

    @Autowired
    LogWriter writer;

    @Test
    void theGuardsDeletesFreeAboutWhatTheDeletedLogsTookAndKeepErrors() throws Exception {
        Store store = new Store(new Api(port), storage.databaseFile());
        long first = -1;
        for (int batch = 0; batch < BATCHES; batch++) {
            List<Long> ids = store.ingest(mixed(batch));
            first = first < 0 ? ids.get(0) : first;
        }
        long usedBefore = usedBytes();
        long perLog = usedBefore / (BATCHES * BATCH);

        int deleted = 0;
        for (int step = 0; step < 4; step++) {
            deleted += writer.deleteOldestLowest(2000);
        }

        long freedPerLog = (usedBefore - usedBytes()) / deleted;
        // Deleting one severity of a day took one row in five from every page and freed nothing (-3 bytes a log).
        assertThat(freedPerLog)
                .as("bytes freed per deleted log, against %d a log stored", perLog)
                .isGreaterThan(perLog / 2);
        assertThat(deleted).isEqualTo(8000);
        assertThat(store.statusOf(first)).isEqualTo(404);
        assertThat(store.statusOf(first + 4)).as("the first ERROR").isEqualTo(200);
        assertThat(store.counted("mixed", "&level=ERROR")).isEqualTo(BATCHES * BATCH / 5);
        assertThat(store.counted("mixed", "")).isEqualTo(BATCHES * BATCH - 8000);
        assertThat(store.listed("mixed")).isEqualTo(BATCHES * BATCH - 8000);
        store.checkBlocks();
    }

    private static List<Map<String, Object>> mixed(int batch) {
        List<Map<String, Object>> logs = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < BATCH; i++) {
            logs.add(log(
                    "mixed",
                    SEVERITIES[i % SEVERITIES.length],
                    now,
                    "request " + batch + "-" + i + " served in " + (i % 97) + " ms for user " + i * 7919));
        }
        return logs;
    }

    /** The pages the store's data takes, without the free ones: what deleting gives back. */
    private long usedBytes() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + storage.databaseFile());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT page_count FROM pragma_page_count)"
                        + " - (SELECT freelist_count FROM pragma_freelist_count),"
                        + " (SELECT page_size FROM pragma_page_size)")) {
            rows.next();
            return rows.getLong(1) * rows.getLong(2);
        }
    }
}
