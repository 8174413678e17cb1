package io.logcentral.storage;

import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteException;

/**
 * Tells a store that cannot serve right now (locked, full, unreadable, out of memory) from a statement that is wrong,
 * so that only the first is answered 503 with {@code Retry-After} and a genuine SQL bug stays a visible 500.
 */
public final class StoreFailures {

    /** SQLite's primary result codes that mean the store, not the statement, is in trouble. */
    private static final Set<Integer> UNAVAILABLE = Set.of(
            5, // SQLITE_BUSY
            6, // SQLITE_LOCKED
            7, // SQLITE_NOMEM
            8, // SQLITE_READONLY
            10, // SQLITE_IOERR
            11, // SQLITE_CORRUPT
            13, // SQLITE_FULL
            14, // SQLITE_CANTOPEN
            15, // SQLITE_PROTOCOL
            26); // SQLITE_NOTADB

    /**
     * PostgreSQL's SQLSTATE classes that mean the server, not the statement, is in trouble: no connection (08), out of
     * resources such as disk or connections (53), shutting down (57P), a lock not granted in time (55P03).
     */
    private static boolean unavailableState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.startsWith("53")
                        || state.startsWith("57P")
                        || state.equals("55P03"));
    }

    private StoreFailures() {}

    /** Whether {@code failure} or one of its causes is the store being unavailable. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException sqlite && UNAVAILABLE.contains(sqlite.getResultCode().code & 0xff)) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
