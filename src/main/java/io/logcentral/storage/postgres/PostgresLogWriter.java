package io.logcentral.storage.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.storage.Expiry;
import io.logcentral.storage.LogWriter;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.PendingAnswer;
import io.logcentral.storage.StoreUnavailableException;
import io.logcentral.storage.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Inserts batches of logs into PostgreSQL, one transaction a batch, on the pipeline's one writer connection.
 *
 * <p>Ids grow in commit order across replicas: a batch takes a transaction-level advisory lock on the store first, then
 * its block of ids from {@code logs_id_seq}, and the lock goes with its COMMIT, after the batch is visible. So a reader
 * that sees id n sees every id below it that will ever commit, and a tail that polls past the last id it saw misses
 * nothing, whichever replica wrote. The price: replicas commit one batch at a time, as SQLite's single writer does.
 *
 * <p>Rows go in with COPY; the disk guard and space reclaiming are SQLite file matters and do nothing here
 * (PostgreSQL's autovacuum reuses the space of deleted rows, and retention drops whole days).
 */
@Component
@PostgresStore
class PostgresLogWriter implements LogWriter {

    /** The advisory lock key of the store's writes: "logcentr" in ASCII. */
    private static final long STORE_LOCK = 0x6c6f6763656e7472L;
    /** Retention's key: one replica at a time deletes. */
    static final long RETENTION_LOCK = STORE_LOCK + 1;

    private static final String INSERT_ANSWER = "INSERT INTO idempotency_keys"
            + " (key_hash, body_hash, created_at, status, first_id, log_count, errors) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (key_hash) DO NOTHING";
    private static final String DELETE_ANSWERS_BEFORE = "DELETE FROM idempotency_keys WHERE key_hash IN"
            + " (SELECT key_hash FROM idempotency_keys WHERE created_at < ? LIMIT " + ANSWERS_DELETED_AT_ONCE + ")";

    private final HikariDataSource writer;
    private final PostgresPartitions partitions = new PostgresPartitions();

    PostgresLogWriter(@Qualifier(PostgresDataSources.WRITER) HikariDataSource writer) {
        this.writer = writer;
    }

    @Override
    public long insert(List<NewLog> logs, List<PendingAnswer> answers) {
        return inTransaction(
                connection -> {
                    lockStore(connection);
                    long first = takeIds(connection, logs.size());
                    PostgresCopy.logs(connection, first, logs);
                    PostgresCounts.of(logs).write(connection);
                    for (PendingAnswer answer : answers) {
                        insertAnswer(connection, first, answer);
                    }
                    return first;
                },
                logs);
    }

    @Override
    public int deleteAnswersBefore(Instant before) {
        return inTransaction(
                connection -> {
                    try (PreparedStatement delete = connection.prepareStatement(DELETE_ANSWERS_BEFORE)) {
                        delete.setLong(1, Timestamps.toMicros(before));
                        return delete.executeUpdate();
                    }
                },
                List.of());
    }

    /**
     * Drops the day partitions that every rule lets go whole, then deletes up to {@code limit} rows as the rules say.
     * Only one replica deletes at a time; the others find the lock taken and return 0.
     */
    @Override
    public int deleteExpired(List<Expiry> rules, int limit) {
        return inTransaction(
                connection -> {
                    if (!tryLock(connection, RETENTION_LOCK)) {
                        return 0;
                    }
                    long dropped = 0;
                    Instant whole = PostgresExpiry.wholeDaysBefore(rules);
                    if (whole != null) {
                        for (long day : partitions.endingBy(connection, Timestamps.toMicros(whole))) {
                            dropped += partitions.drop(connection, day);
                        }
                    }
                    return (int)
                            Math.min(Integer.MAX_VALUE, dropped + PostgresExpiry.deleteRows(connection, rules, limit));
                },
                List.of());
    }

    /** The disk guard watches the SQLite file's disk; PostgreSQL's disk is the database server's to watch. */
    @Override
    public int deleteOldestLowest(int limit) {
        return 0;
    }

    @Override
    public long reusableBytes() {
        return 0;
    }

    /** Autovacuum reuses freed space; retention's dropped days go back to the disk at once. */
    @Override
    public long giveBackSpace(long bytes) {
        return 0;
    }

    static void lockStore(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, STORE_LOCK);
            lock.execute();
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A block of {@code count} ids; only writers holding the store lock move the sequence, so it is contiguous. */
    private static long takeIds(Connection connection, int count) throws SQLException {
        try (PreparedStatement take =
                connection.prepareStatement("SELECT setval('logs_id_seq', nextval('logs_id_seq') + ? - 1)")) {
            take.setLong(1, count);
            try (ResultSet rs = take.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    private static void insertAnswer(Connection connection, long batchFirstId, PendingAnswer answer)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ANSWER)) {
            insert.setString(1, answer.keyHash());
            insert.setString(2, answer.bodyHash());
            insert.setLong(3, Timestamps.toMicros(answer.createdAt()));
            insert.setInt(4, answer.status());
            insert.setLong(5, batchFirstId + answer.firstIndex());
            insert.setInt(6, answer.logCount());
            insert.setString(7, PostgresCopy.storable(answer.errorsJson()));
            insert.executeUpdate();
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * One transaction on the writer's connection, after the partitions the logs need are made. Whatever fails throws
     * the connection away, so the next batch starts on a clean one.
     */
    private <T> T inTransaction(Work<T> work, List<NewLog> logs) {
        Connection connection = null;
        T result;
        try {
            connection = writer.getConnection();
            if (!logs.isEmpty()) {
                partitions.ensure(connection, timestamps(logs), Math.floorDiv(now(logs), PostgresPartitions.DAY));
            }
            connection.setAutoCommit(false);
            result = work.run(connection);
            connection.commit();
        } catch (SQLException e) {
            discard(connection);
            throw new StoreUnavailableException("the store refused the write: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            discard(connection);
            throw e;
        }
        giveBack(connection);
        return result;
    }

    /** After COMMIT the work is durable, whatever happens to the connection now. */
    private void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            writer.evictConnection(connection);
        }
    }

    private static long[] timestamps(List<NewLog> logs) {
        return logs.stream()
                .mapToLong(log -> Timestamps.toMicros(log.timestamp()))
                .toArray();
    }

    private static long now(List<NewLog> logs) {
        return logs.stream()
                .mapToLong(log -> Timestamps.toMicros(log.receivedAt()))
                .max()
                .orElseThrow();
    }

    private void discard(Connection connection) {
        if (connection != null) {
            writer.evictConnection(connection);
        }
    }
}
