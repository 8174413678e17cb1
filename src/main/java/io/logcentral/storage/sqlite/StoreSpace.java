package io.logcentral.storage.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Giving deleted space back to the disk. SQLite reuses the pages of deleted logs for new ones, but hands them back to
 * the file system only with {@code auto_vacuum = INCREMENTAL}, which a store must have before its first table or get
 * through one full {@code VACUUM}. A new or small store is converted at once (a VACUUM of a few MiB takes
 * milliseconds); a large one is left as it is rather than locked for minutes, and its free pages serve new logs.
 */
final class StoreSpace {

    private static final int INCREMENTAL = 2;

    private StoreSpace() {}

    /** Pages of deleted logs inside the file, free for new ones, in bytes. */
    static long freeBytes(Connection connection) throws SQLException {
        return pragma(connection, "freelist_count") * pragma(connection, "page_size");
    }

    static boolean isIncremental(Connection connection) throws SQLException {
        return pragma(connection, "auto_vacuum") == INCREMENTAL;
    }

    /** Converts the store to incremental vacuum when it is at most {@code maxBytes}; outside any transaction. */
    static boolean makeIncremental(Connection connection, long maxBytes) throws SQLException {
        if (isIncremental(connection)) {
            return true;
        }
        if (pragma(connection, "page_count") * pragma(connection, "page_size") > maxBytes) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA auto_vacuum = INCREMENTAL");
            statement.execute("VACUUM");
        }
        return isIncremental(connection);
    }

    /** Gives back up to {@code pages} free pages; returns how many went. */
    static long giveBack(Connection connection, int pages) throws SQLException {
        if (!isIncremental(connection)) {
            return 0;
        }
        long before = pragma(connection, "freelist_count");
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA incremental_vacuum(" + pages + ")");
        }
        return before - pragma(connection, "freelist_count");
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet value = statement.executeQuery("PRAGMA " + name)) {
            return value.next() ? value.getLong(1) : 0;
        }
    }
}
