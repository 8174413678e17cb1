package io.logcentral.storage.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.storage.Expiry;
import io.logcentral.storage.LogWriter;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.PendingAnswer;
import io.logcentral.storage.StoreUnavailableException;
import io.logcentral.storage.Timestamps;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Inserts batches of logs, one transaction a batch. Only the pipeline's single writer thread calls it, which is what
 * lets it hand out ids itself.
 *
 * <p>Plain JDBC rather than Hibernate: this is the one hot path where that was measured to pay, 73,100 against 56,700
 * logs/s through a {@code StatelessSession} with {@code insertMultiple} and JDBC batching (batch ingest, medians of
 * 5 runs). It also lets a failed transaction throw its connection away: after SQLITE_BUSY on {@code BEGIN}, the
 * SQLite driver believes it is in a transaction that SQLite never started, and every later commit on that connection
 * fails.
 */
@Component
@SqliteStore
public class SqliteLogWriter implements LogWriter {

    private static final Logger log = LoggerFactory.getLogger(SqliteLogWriter.class);

    private static final String INSERT_LOG = "INSERT INTO logs (id, ts, received_at, service, severity, message,"
            + " request_id, trace_id, span_id, host, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * A block's ranges of event and receipt times, widened by a batch's logs in it; and a minute's count of one service
     * and severity, added to by a batch. Summed up here from the batch in hand rather than with an INSERT .. SELECT that
     * reads its rows again: the writer's thread is the store's bottleneck.
     */
    static final String TRACK_BLOCK = "INSERT INTO log_blocks (block, min_ts, max_ts, min_received, max_received)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (block) DO UPDATE SET min_ts = MIN(min_ts, excluded.min_ts),"
            + " max_ts = MAX(max_ts, excluded.max_ts),"
            // NULL when the block's logs were all deleted (migration V15), and MIN or MAX of NULL is NULL.
            + " min_received = MIN(COALESCE(min_received, excluded.min_received), excluded.min_received),"
            + " max_received = MAX(COALESCE(max_received, excluded.max_received), excluded.max_received)";

    static final String COUNT_MINUTE = "INSERT INTO log_counts (minute, service, severity, n, last_ts)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (minute, service, severity) DO UPDATE SET n = n + excluded.n,"
            + " last_ts = MAX(last_ts, excluded.last_ts)";
    /** One row of a block's filters ({@link BlockFilters}); a block filled in twice gets the same rows. */
    static final String FILTER_ROW = "INSERT OR REPLACE INTO log_filters (segment, block, bits) VALUES (?, ?, ?)";

    static final String FILTERED_VALUES =
            "SELECT id, message, request_id, trace_id, attributes FROM logs WHERE id BETWEEN ? AND ?";
    /**
     * Whole blocks without filters in the table, newest first: those of a store written before filters existed, whose
     * filters a failed transaction took back, or whose filters were still in memory when the process died (and those
     * in memory now, which the caller skips). Not the newest block, which the writer is still filling, nor blocks whose
     * logs are all gone.
     */
    static final String UNFILTERED_BLOCKS = "SELECT block FROM log_blocks"
            + " WHERE block >= (SELECT MIN(id) FROM logs) >> 12 AND block < (SELECT MAX(id) FROM logs) >> 12"
            + " AND block NOT IN (SELECT block FROM log_filters WHERE segment = 0) ORDER BY block DESC LIMIT ?";

    private static final String INSERT_ANSWER = "INSERT INTO idempotency_keys"
            + " (key_hash, body_hash, created_at, status, first_id, log_count, errors) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (key_hash) DO NOTHING";

    private static final String DELETE_ANSWERS_BEFORE = "DELETE FROM idempotency_keys WHERE key_hash IN"
            + " (SELECT key_hash FROM idempotency_keys WHERE created_at < ? LIMIT " + ANSWERS_DELETED_AT_ONCE + ")";

    private final HikariDataSource writer;
    private final UnwrittenFilters unwritten;
    private final LogDeleter deleter = new LogDeleter();
    private final OldestFirst oldestFirst = new OldestFirst();
    private long nextId = -1;
    /** The filters of the block being filled, {@link #filterBlock}; -1 when they must be read back from its logs. */
    private final BlockFilters.Builder filters = new BlockFilters.Builder();

    private long filterBlock = -1;
    private final WriterStatements statements = new WriterStatements();

    /**
     * The blocks whose filters are being written to the table, a slice of segments a commit, the highest first, and
     * the segments {@code 0 .. segmentsLeft - 1} still to go. In one commit, 64 blocks' 65,536 rows held every request
     * waiting for the writer for about 200 ms (one log a request). Segment 0 goes last, so a block killed half-written
     * has no segment-0 row: the filler fills it in, and lookups read it whole meanwhile
     * ({@link BlockFilters#candidates}). The blocks stay in {@link UnwrittenFilters} until their last slice commits.
     */
    private Map<Long, long[]> writing = Map.of();

    private int segmentsLeft;
    static final int SEGMENTS_A_COMMIT = BlockFilters.SEGMENTS / 16;

    /**
     * Works out the filter marks of a batch ({@link BlockFilters#values}: words, ids, attributes, and the bits each sets
     * for the id it gets) while this thread has SQLite insert it. Done here, in line, they took a third of the writer's
     * time.
     */
    private final ExecutorService valueHasher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "block-filter-values");
        thread.setDaemon(true);
        return thread;
    });

    SqliteLogWriter(@Qualifier(SqliteDataSources.WRITER) HikariDataSource writer, UnwrittenFilters unwritten) {
        this.writer = writer;
        this.unwritten = unwritten;
    }

    /**
     * Stops the filter values thread and writes the filters still held in memory; the pipeline has drained before.
     * Filters this cannot write are filled in from their logs at the next start.
     */
    @PreDestroy
    void stop() {
        valueHasher.shutdown();
        try {
            writeUnwrittenFilters();
        } catch (RuntimeException e) {
            log.warn(
                    "The filters of {} blocks stay to be filled in at the next start: {}",
                    unwritten.size(),
                    e.toString());
        } finally {
            statements.clear();
        }
    }

    @Override
    public long insert(List<NewLog> logs, List<PendingAnswer> answers) {
        // The ids this batch will get, unless the highest must be read from the store first (after a start or a
        // failure).
        long expectedFirstId = nextId;
        Future<long[][]> marks = expectedFirstId < 0 ? null : valueHasher.submit(() -> marks(logs, expectedFirstId));
        Map<Long, long[]> sealed = new TreeMap<>();
        long first = inTransaction(connection -> {
            long firstId = nextId(connection);
            insertLogs(statements.get(connection, INSERT_LOG), firstId, logs);
            filter(connection, firstId, firstId == expectedFirstId ? done(marks) : marks(logs, firstId), sealed);
            if (!writing.isEmpty()) {
                writeFilters(connection, writing, segmentsLeft - SEGMENTS_A_COMMIT, segmentsLeft);
            }
            trackBlocks(statements.get(connection, TRACK_BLOCK), firstId, logs);
            countMinutes(statements.get(connection, COUNT_MINUTE), logs);
            for (PendingAnswer answer : answers) {
                insertAnswer(connection, firstId, answer);
            }
            nextId = firstId + logs.size();
            return firstId;
        });
        unwritten.add(sealed);
        if (!writing.isEmpty()) {
            segmentsLeft -= SEGMENTS_A_COMMIT;
            if (segmentsLeft == 0) {
                unwritten.written(writing.keySet());
                writing = Map.of();
            }
        } else if (unwritten.size() >= UnwrittenFilters.BLOCKS_PER_WRITE) {
            writing = unwritten.now();
            segmentsLeft = BlockFilters.SEGMENTS;
        }
        return first;
    }

    /**
     * Writes the filters the writer holds in memory ({@link UnwrittenFilters}) in one transaction, when ingest pauses
     * or stops; returns how many blocks' worth.
     */
    int writeUnwrittenFilters() {
        Map<Long, long[]> blocks = unwritten.now();
        if (blocks.isEmpty()) {
            return 0;
        }
        inTransaction(connection -> {
            writeFilters(connection, blocks, 0, BlockFilters.SEGMENTS);
            return null;
        });
        unwritten.written(blocks.keySet());
        return blocks.size();
    }

    /**
     * Writes the filters of up to {@code blocks} whole blocks that have none, newest first, in one transaction;
     * returns how many.
     */
    int fillMissingFilters(int blocks) {
        return inTransaction(connection -> {
            List<Long> missing = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(UNFILTERED_BLOCKS)) {
                select.setInt(1, blocks + unwritten.size());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && missing.size() < blocks) {
                        if (!unwritten.contains(rows.getLong(1))) {
                            missing.add(rows.getLong(1));
                        }
                    }
                }
            }
            BlockFilters.Builder builder = new BlockFilters.Builder();
            for (long block : missing) {
                builder.clear();
                refill(connection, builder, block << LogBlocks.BITS, ((block + 1) << LogBlocks.BITS) - 1);
                writeFilters(connection, Map.of(block, builder.words()), 0, BlockFilters.SEGMENTS);
            }
            return missing.size();
        });
    }

    /**
     * Drops the filters of blocks whose logs retention has all deleted (below the block of the oldest id kept), in one
     * transaction; returns how many blocks' worth.
     */
    int dropEmptiedFilters() {
        return inTransaction(connection -> {
            long live;
            long filtered;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT (SELECT MIN(id) FROM logs) >> 12,"
                            + " (SELECT MIN(block) FROM log_filters WHERE segment = 0)")) {
                rows.next();
                live = rows.getLong(1);
                boolean noLogs = rows.wasNull();
                filtered = rows.getLong(2);
                if (noLogs || rows.wasNull() || filtered >= live) {
                    return 0;
                }
            }
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM log_filters WHERE segment = ? AND block < ?")) {
                for (int segment = 0; segment < BlockFilters.SEGMENTS; segment++) {
                    delete.setInt(1, segment);
                    delete.setLong(2, live);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return (int) (live - filtered);
        });
    }

    @Override
    public int deleteAnswersBefore(Instant before) {
        return inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_ANSWERS_BEFORE)) {
                delete.setLong(1, Timestamps.toMicros(before));
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int deleteExpired(List<Expiry> rules, int limit) {
        try {
            return inTransaction(connection -> deleter.deleteExpired(connection, rules, limit));
        } catch (RuntimeException | Error e) {
            deleter.forget();
            throw e;
        }
    }

    @Override
    public int deleteOldestLowest(int limit) {
        try {
            return inTransaction(connection -> oldestFirst.delete(connection, limit));
        } catch (RuntimeException | Error e) {
            oldestFirst.forget();
            throw e;
        }
    }

    @Override
    public long reusableBytes() {
        return withConnection(StoreSpace::freeBytes);
    }

    @Override
    public long giveBackSpace(long bytes) {
        return withConnection(connection -> StoreSpace.giveBack(connection, bytes));
    }

    /** Work outside an explicit transaction, for PRAGMAs, incremental vacuum and checkpoints, which cannot run inside one. */
    private <T> T withConnection(Work<T> work) {
        try (Connection connection = writer.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the store refused: " + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * BEGIN and COMMIT are sent as statements in autocommit mode rather than through {@code setAutoCommit(false)} and
     * {@code commit()}: the driver's {@code commit()} begins the next transaction right after COMMIT, and a lock error
     * there would throw for a transaction that is already durable, so its requests would be told to retry logs that
     * are stored. Whatever fails before COMMIT, an {@code Error} included, throws the connection away (SQLite rolls
     * back what it held) and makes the next batch read the highest id again.
     */
    private <T> T inTransaction(Work<T> work) {
        Connection connection = null;
        T result;
        try {
            connection = writer.getConnection();
            statements.get(connection, "BEGIN IMMEDIATE").execute();
            result = work.run(connection);
            statements.get(connection, "COMMIT").execute();
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

    private void discard(Connection connection) {
        nextId = -1;
        filterBlock = -1;
        statements.clear();
        if (connection != null) {
            writer.evictConnection(connection);
        }
    }

    /** After COMMIT the work is durable, whatever happens to the connection now. */
    private void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            writer.evictConnection(connection);
        }
    }

    private long nextId(Connection connection) throws SQLException {
        if (nextId < 0) {
            try (Statement statement = connection.createStatement();
                    ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM logs")) {
                max.next();
                nextId = max.getLong(1) + 1;
            }
        }
        return nextId;
    }

    private static void insertLogs(PreparedStatement insert, long firstId, List<NewLog> logs) throws SQLException {
        long id = firstId;
        for (NewLog log : logs) {
            insert.setLong(1, id++);
            insert.setLong(2, Timestamps.toMicros(log.timestamp()));
            insert.setLong(3, Timestamps.toMicros(log.receivedAt()));
            insert.setString(4, log.service());
            insert.setInt(5, log.severity().ordinal());
            insert.setString(6, log.message());
            insert.setString(7, log.requestId());
            insert.setString(8, log.traceId());
            insert.setString(9, log.spanId());
            insert.setString(10, log.host());
            insert.setString(11, log.attributesJson());
            insert.addBatch();
        }
        insert.executeBatch();
    }

    /**
     * Adds the logs to the filters of their block, kept here while the block fills and put in {@code sealed} by the
     * transaction that takes its last id. After a start or a failed transaction, the filters of a block begun before
     * are read back from its logs.
     */
    private void filter(Connection connection, long first, long[][] marks, Map<Long, long[]> sealed)
            throws SQLException {
        long id = first;
        for (long[] logMarks : marks) {
            long block = id >> LogBlocks.BITS;
            if (block != filterBlock) {
                filters.clear();
                filterBlock = block;
                refill(connection, filters, block << LogBlocks.BITS, id - 1);
            }
            filters.mark(logMarks);
            if (((id + 1) >> LogBlocks.BITS) != block) {
                sealed.put(block, filters.words());
                filterBlock = -1;
            }
            id++;
        }
    }

    private static long[][] marks(List<NewLog> logs, long firstId) {
        long[][] marks = new long[logs.size()][];
        for (int i = 0; i < marks.length; i++) {
            NewLog log = logs.get(i);
            marks[i] = BlockFilters.marks(
                    firstId + i,
                    BlockFilters.values(log.message(), log.requestId(), log.traceId(), log.attributesJson()));
        }
        return marks;
    }

    private static long[][] done(Future<long[][]> marks) {
        try {
            return marks.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while the batch's filter values were worked out", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static void refill(Connection connection, BlockFilters.Builder builder, long firstId, long lastId)
            throws SQLException {
        if (lastId < firstId) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(FILTERED_VALUES)) {
            select.setLong(1, firstId);
            select.setLong(2, lastId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    builder.add(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5));
                }
            }
        }
    }

    /**
     * The filter rows of these blocks in segments {@code from .. to - 1}, segment by segment, so each segment's new rows
     * land side by side.
     */
    private static void writeFilters(Connection connection, Map<Long, long[]> blocks, int from, int to)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(FILTER_ROW)) {
            for (int segment = from; segment < to; segment++) {
                for (Map.Entry<Long, long[]> block : blocks.entrySet()) {
                    insert.setInt(1, segment);
                    insert.setLong(2, block.getKey());
                    insert.setBytes(3, BlockFilters.row(block.getValue(), segment));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void trackBlocks(PreparedStatement upsert, long first, List<NewLog> logs) throws SQLException {
        int start = 0;
        while (start < logs.size()) {
            long block = (first + start) >> LogBlocks.BITS;
            int end = (int) Math.min(logs.size(), ((block + 1) << LogBlocks.BITS) - first);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long minReceived = Long.MAX_VALUE;
            long maxReceived = Long.MIN_VALUE;
            for (NewLog log : logs.subList(start, end)) {
                long ts = Timestamps.toMicros(log.timestamp());
                min = Math.min(min, ts);
                max = Math.max(max, ts);
                long received = Timestamps.toMicros(log.receivedAt());
                minReceived = Math.min(minReceived, received);
                maxReceived = Math.max(maxReceived, received);
            }
            upsert.setLong(1, block);
            upsert.setLong(2, min);
            upsert.setLong(3, max);
            upsert.setLong(4, minReceived);
            upsert.setLong(5, maxReceived);
            upsert.addBatch();
            start = end;
        }
        upsert.executeBatch();
    }

    /**
     * One minute's logs of one service and severity. Spellings of a service that differ in case meet in the upsert, as
     * {@code log_counts} compares services without case, and the first one stays, as it did with GROUP BY.
     */
    private record Minute(long minute, String service, int severity) {}

    private static void countMinutes(PreparedStatement upsert, List<NewLog> logs) throws SQLException {
        Map<Minute, long[]> counts = new HashMap<>();
        for (NewLog log : logs) {
            long ts = Timestamps.toMicros(log.timestamp());
            Minute key = new Minute(
                    Math.floorDiv(ts, LogCounts.MINUTE),
                    log.service(),
                    log.severity().ordinal());
            long[] count = counts.computeIfAbsent(key, minute -> new long[] {0, Long.MIN_VALUE});
            count[0]++;
            count[1] = Math.max(count[1], ts);
        }
        for (Map.Entry<Minute, long[]> count : counts.entrySet()) {
            upsert.setLong(1, count.getKey().minute());
            upsert.setString(2, count.getKey().service());
            upsert.setInt(3, count.getKey().severity());
            upsert.setLong(4, count.getValue()[0]);
            upsert.setLong(5, count.getValue()[1]);
            upsert.addBatch();
        }
        upsert.executeBatch();
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
            insert.setString(7, answer.errorsJson());
            insert.executeUpdate();
        }
    }
}
