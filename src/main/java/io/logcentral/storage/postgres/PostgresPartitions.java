package io.logcentral.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day partitions of {@code logs} ({@code logs_20241108}: ts from that midnight UTC to the next). The writer asks
 * for the days of each batch: a missing day from a month ago to tomorrow is made at once, with the two days after the
 * newest, so midnight finds its partition waiting. Older days (an import of last year's logs) go to
 * {@code logs_default} rather than make a partition each; retention deletes them row by row.
 *
 * <p>A partition is made apart and attached ({@code ATTACH PARTITION} takes SHARE UPDATE EXCLUSIVE on {@code logs},
 * so queries go on; {@code CREATE TABLE .. PARTITION OF} would take ACCESS EXCLUSIVE), in a transaction of its own
 * with a short lock timeout: attaching scans {@code logs_default} under its lock, and a long read of it must not stall
 * the group commit. A day that could not be made goes to {@code logs_default} and is tried again a minute later.
 */
final class PostgresPartitions {

    static final long DAY = 86_400_000_000L;
    /** Days this far back get a partition of their own; the default retention is 30 days. */
    private static final int PAST_DAYS = 31;

    private static final int AHEAD_DAYS = 2;
    private static final long RETRY_MILLIS = 60_000;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'logs_'yyyyMMdd");
    private static final Logger log = LoggerFactory.getLogger(PostgresPartitions.class);

    private final NavigableSet<Long> days = new TreeSet<>();
    private final Map<Long, Long> failedAt = new HashMap<>();
    private boolean loaded;

    /** Makes the partitions that the days of these timestamps need, {@code today} being the server's day. */
    void ensure(Connection connection, long[] timestamps, long today) throws SQLException {
        if (!loaded) {
            reload(connection);
        }
        NavigableSet<Long> wanted = new TreeSet<>();
        for (long ts : timestamps) {
            long day = Math.floorDiv(ts, DAY);
            if (day >= today - PAST_DAYS && day <= today + AHEAD_DAYS && !days.contains(day)) {
                wanted.add(day);
            }
        }
        for (long day = today; day <= today + AHEAD_DAYS; day++) {
            if (!days.contains(day)) {
                wanted.add(day);
            }
        }
        for (long day : wanted) {
            create(connection, day);
        }
    }

    /** The days with a partition of their own that end at or before {@code micros}, oldest first. */
    List<Long> endingBy(Connection connection, long micros) throws SQLException {
        reload(connection);
        return days.stream().filter(day -> (day + 1) * DAY <= micros).toList();
    }

    /** Drops the partition of {@code day}; returns how many logs went with it. */
    long drop(Connection connection, long day) throws SQLException {
        long firstMinute = day * (DAY / PostgresCounts.MINUTE);
        long endMinute = (day + 1) * (DAY / PostgresCounts.MINUTE);
        long logs;
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COALESCE(SUM(n), 0) FROM log_counts WHERE minute >= ? AND minute < ?")) {
            count.setLong(1, firstMinute);
            count.setLong(2, endMinute);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                logs = rs.getLong(1);
            }
        }
        try (PreparedStatement uncount =
                connection.prepareStatement("DELETE FROM log_counts WHERE minute >= ? AND minute < ?")) {
            uncount.setLong(1, firstMinute);
            uncount.setLong(2, endMinute);
            uncount.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '1s'");
            statement.execute("DROP TABLE IF EXISTS " + name(day));
        }
        days.remove(day);
        return logs;
    }

    private void create(Connection connection, long day) throws SQLException {
        Long failed = failedAt.get(day);
        if (failed != null && System.currentTimeMillis() - failed < RETRY_MILLIS) {
            return;
        }
        String table = name(day);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '1s'");
            PostgresLogWriter.lockStore(connection);
            if (!attached(connection, table)) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (LIKE logs INCLUDING DEFAULTS)");
                statement.execute("ALTER TABLE logs ATTACH PARTITION " + table + " FOR VALUES FROM (" + day * DAY
                        + ") TO (" + (day + 1) * DAY + ")");
            }
            connection.commit();
            days.add(day);
            failedAt.remove(day);
        } catch (SQLException e) {
            connection.rollback();
            failedAt.put(day, System.currentTimeMillis());
            log.warn("No partition for {} yet, its logs go to logs_default: {}", table, e.getMessage());
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean attached(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_inherits i JOIN pg_class c"
                + " ON c.oid = i.inhrelid WHERE i.inhparent = 'logs'::regclass AND c.relname = ?")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void reload(Connection connection) throws SQLException {
        days.clear();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c"
                        + " ON c.oid = i.inhrelid WHERE i.inhparent = 'logs'::regclass")) {
            while (rs.next()) {
                String relname = rs.getString(1);
                if (relname.matches("logs_\\d{8}")) {
                    days.add(LocalDate.parse(relname, NAME).toEpochDay());
                }
            }
        }
        loaded = true;
    }

    static String name(long day) {
        return NAME.format(LocalDate.ofEpochDay(day));
    }
}
