package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.SqliteOnly;
import io.logcentral.storage.StorageProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SqliteOnly
class WalCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void aStepCopiesWhatTheWriterCommittedIntoTheStoreWithoutTheWriterCheckpointing() throws Exception {
        // The longest round: the writer's own checkpoint does not come within these few hundred pages.
        StorageProperties settings = new StorageProperties(
                dir, new StorageProperties.Store(StorageProperties.Sync.NORMAL, 5000, 2, false, "10%,1GB"));
        Path store = settings.databaseFile();
        WalCheckpoints checkpoints = new WalCheckpoints(settings);
        try (HikariDataSource writer = new SqliteDataSources().logWriterPool(settings);
                Connection connection = writer.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE filler (data BLOB)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO filler (data) VALUES (?)")) {
                for (int i = 0; i < 500; i++) {
                    insert.setBytes(1, new byte[WalRound.PAGE_BYTES - 200]);
                    insert.executeUpdate();
                }
            }
            connection.commit();
            long before = Files.size(store);

            checkpoints.step();

            assertThat(Files.size(store)).isGreaterThan(before + 400L * WalRound.PAGE_BYTES);
            assertThat(checkpoints.health()).containsEntry("failures", 0L);
        } finally {
            checkpoints.stop();
        }
    }
}
