package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.SqliteOnly;
import io.logcentral.storage.StorageProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SqliteOnly
class WalRoundTest {

    private static final long MIB = 1L << 20;
    private static final int ROWS_A_COMMIT = 64;

    @TempDir
    Path dir;

    @Test
    void theRoundIsAnEighthOfTheReservesSizesBetweenSqlitesDefaultAndTheLongest() {
        assertThat(WalRound.pages(store("0B"))).isEqualTo(WalRound.SQLITE_DEFAULT_PAGES);
        assertThat(WalRound.pages(store("4MB"))).isEqualTo(WalRound.SQLITE_DEFAULT_PAGES);
        assertThat(WalRound.pages(store("64MB"))).isEqualTo(64 * MIB / 8 / WalRound.PAGE_BYTES);
        assertThat(WalRound.pages(store("10%,1GB"))).isEqualTo(WalRound.LONGEST_PAGES);
        // A percentage says nothing about the disk's size before it is known: it cannot lengthen the round.
        assertThat(WalRound.pages(store("50%"))).isEqualTo(WalRound.SQLITE_DEFAULT_PAGES);
    }

    @Test
    void theWritersLogGrowsForAWholeRoundAndIsCutBackToTwoRoundsWhenItStartsOver() throws Exception {
        StorageProperties.Store settings = store("64MB");
        int round = WalRound.pages(settings);
        Path wal = dir.resolve("logcentral.db-wal");
        try (HikariDataSource writer = new SqliteDataSources().logWriterPool(new StorageProperties(dir, settings));
                Connection connection = writer.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE filler (data BLOB)");
            }
            connection.commit();

            // With SQLite's round the log starts over after 1,000 pages and the commit that crossed them.
            writePages(connection, round - 200);
            assertThat(Files.size(wal))
                    .isGreaterThan((WalRound.SQLITE_DEFAULT_PAGES + 400L) * WalRound.PAGE_BYTES)
                    .isLessThan(2L * round * WalRound.PAGE_BYTES);

            // A read that does not end keeps the log from starting over, so it grows past its limit.
            try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("logcentral.db"))) {
                reader.setAutoCommit(false);
                try (Statement read = reader.createStatement();
                        ResultSet rows = read.executeQuery("SELECT count(*) FROM filler")) {
                    assertThat(rows.next()).isTrue();
                    writePages(connection, 3 * round);
                    assertThat(Files.size(wal)).isGreaterThan(WalRound.fileLimitBytes(settings));
                }
                reader.commit();
            }

            // Once the read is over, the next round copies everything back, and the log starts over cut to its limit.
            writePages(connection, round + ROWS_A_COMMIT);
            assertThat(Files.size(wal)).isLessThanOrEqualTo(WalRound.fileLimitBytes(settings));
        }
    }

    /** About {@code pages} pages: each row fills one. */
    private static void writePages(Connection connection, int pages) throws SQLException {
        byte[] row = new byte[WalRound.PAGE_BYTES - 200];
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO filler (data) VALUES (?)")) {
            for (int written = 0; written < pages; written += ROWS_A_COMMIT) {
                for (int i = 0; i < ROWS_A_COMMIT; i++) {
                    insert.setBytes(1, row);
                    insert.executeUpdate();
                }
                connection.commit();
            }
        }
    }

    private static StorageProperties.Store store(String minFree) {
        return new StorageProperties.Store(StorageProperties.Sync.NORMAL, 5000, 2, false, minFree);
    }
}
