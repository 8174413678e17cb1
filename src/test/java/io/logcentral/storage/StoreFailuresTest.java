package io.logcentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

/** Only a store that cannot serve is "unavailable": a statement SQLite refuses as wrong is a bug, not an outage. */
class StoreFailuresTest {

    @Test
    void aLockedDatabaseIsUnavailable() throws Exception {
        Path file = Files.createTempFile("store-failures", ".db");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement hold = holder.createStatement();
                Statement write = other.createStatement()) {
            hold.execute("CREATE TABLE t (x)");
            hold.execute("BEGIN EXCLUSIVE");
            write.execute("PRAGMA busy_timeout = 0");
            SQLException locked = catchSql(() -> write.execute("INSERT INTO t VALUES (1)"));

            assertThat(StoreFailures.isUnavailable(new UncategorizedSQLException("insert", "sql", locked)))
                    .isTrue();
            hold.execute("ROLLBACK");
        }
    }

    @Test
    void aWrongStatementIsNotUnavailable() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement statement = connection.createStatement()) {
            SQLException wrong = catchSql(() -> statement.execute("SELECT nope FROM nowhere"));

            assertThat(StoreFailures.isUnavailable(new UncategorizedSQLException("select", "sql", wrong)))
                    .isFalse();
        }
    }

    private interface SqlCall {
        void run() throws SQLException;
    }

    private static SQLException catchSql(SqlCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("the statement did not fail");
    }
}
