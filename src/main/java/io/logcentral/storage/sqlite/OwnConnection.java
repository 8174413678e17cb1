package io.logcentral.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A connection to the store kept by one task outside the pools, so that the task never waits behind them: opened when
 * first asked for, and again after {@link #close}, which the task calls when a statement on it failed. Not thread-safe:
 * one task, one thread at a time.
 */
final class OwnConnection {

    private final SQLiteDataSource source;
    private Connection connection;

    OwnConnection(SQLiteConfig config, Path file) {
        this.source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    Connection get() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = source.getConnection();
        }
        return connection;
    }

    void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // gone already
        }
        connection = null;
    }
}
