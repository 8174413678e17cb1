package io.logcentral.storage;

import io.logcentral.storage.postgres.PostgresLogLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes logs that already have their ids into a PostgreSQL store as its own writer would have written them (day
 * partitions, words, counts per minute, NUL kept as U+FFFD): how {@code migrate} moves a SQLite store's logs, so a
 * server started on the copy finds what it would have made itself.
 */
public interface LogLoader {

    /** The loader of the PostgreSQL store whose schema the server's migrations made. */
    static LogLoader postgres() {
        return new PostgresLogLoader();
    }

    /**
     * Makes the day partitions these logs need, each in a transaction of its own, as the writer would at {@code now}:
     * call it before {@link #insert}, outside its transaction.
     */
    void makePartitions(Connection connection, List<StoredLog> logs, Instant now) throws SQLException;

    /** Inserts the logs with their ids, and adds them to the counts per minute, in the caller's transaction. */
    void insert(Connection connection, List<StoredLog> logs) throws SQLException;

    /** Moves the id sequence to the largest id stored, so the next log the server takes gets the next id. */
    void continueIds(Connection connection) throws SQLException;

    /** The text as the store keeps it. */
    String storable(String text);

    /** How many counts of a minute, service and severity disagree with the logs they count: 0 when all are right. */
    long miscountedMinutes(Connection connection) throws SQLException;
}
