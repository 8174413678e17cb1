package io.logcentral.storage.sqlite;

import io.logcentral.storage.Expiry;
import io.logcentral.storage.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Takes logs out of the store with its summaries kept exact in the same transaction: the counts per minute, the
 * blocks, the logs. The block filters are left as they are: a filter that says "maybe" for a deleted log costs a search
 * a read, never a result. A block's time range is
 * left as it was while it holds logs (a range wider than its logs only makes a search look at a block it could have
 * skipped, never miss a log) and dropped with its last log. The log with the highest id always stays, so ids are never
 * handed out twice.
 *
 * <p>Retention remembers, per rule, the timestamp before which that rule has nothing left to delete, so a pass scans
 * only the logs that came of age since the last one, not again every log a longer rule keeps. Logs written since with
 * an older timestamp pull it back: the blocks written since bound their timestamps.
 */
final class LogDeleter {

    private static final String MINUTE = LogCounts.MINUTE_OF_TS;
    private static final String DOOMED = "SELECT id FROM temp.doomed";
    private static final String NOT_NEWEST = " AND id < (SELECT MAX(id) FROM logs)";
    private static final String CREATE =
            "CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY, rule INTEGER)";
    private static final String UNCOUNT = "UPDATE log_counts SET n = n - g.c FROM (SELECT " + MINUTE
            + " AS minute, service, severity, COUNT(*) AS c FROM logs WHERE id IN (" + DOOMED + ") GROUP BY 1, 2, 3)"
            + " AS g WHERE log_counts.minute = g.minute AND log_counts.service = g.service"
            + " AND log_counts.severity = g.severity";
    private static final String DROP_EMPTY_COUNTS =
            "DELETE FROM log_counts WHERE n <= 0 AND (minute, service, severity)" + " IN (SELECT " + MINUTE
                    + ", service, severity FROM logs WHERE id IN (" + DOOMED + "))";
    private static final String DELETE_LOGS = "DELETE FROM logs WHERE id IN (" + DOOMED + ")";
    private static final String DROP_EMPTY_BLOCKS = "DELETE FROM log_blocks WHERE block IN (SELECT DISTINCT id >> "
            + LogBlocks.BITS + " FROM temp.doomed) AND NOT EXISTS (SELECT 1 FROM logs WHERE id >= log_blocks.block << "
            + LogBlocks.BITS + " AND id < (log_blocks.block + 1) << " + LogBlocks.BITS + ")";
    private static final String LAST_PICKED =
            "SELECT MAX(ts) FROM logs WHERE id IN (SELECT id FROM temp.doomed WHERE rule = ?)";
    private static final String OLDEST_WRITTEN_SINCE = "SELECT MIN(min_ts) FROM log_blocks WHERE block >= ?";

    /** The rules the cursors are for, by target: another list of rules governs other logs, so starts afresh. */
    private List<List<Object>> targets = List.of();
    /** Per rule, micros: no log it governs with a timestamp before this is left. */
    private long[] clearedBefore = new long[0];
    /** Logs written since the cursors last moved are in this block or later; -1 before the first pass. */
    private long firstUnseenBlock = -1;

    /**
     * Deletes up to {@code limit} logs that their rule lets go. {@code rules} come most specific first; a log belongs
     * to the first rule that matches it, so each rule leaves out the logs of the rules before it that overlap it.
     */
    int deleteExpired(Connection connection, List<Expiry> rules, int limit) throws SQLException {
        prepare(connection);
        catchUp(connection, rules);
        int picked = 0;
        for (int i = 0; i < rules.size() && picked < limit; i++) {
            long before = Timestamps.toMicros(rules.get(i).before());
            if (clearedBefore[i] >= before) {
                continue;
            }
            int wanted = limit - picked;
            int now = pickExpired(connection, rules, i, clearedBefore[i], before, wanted);
            picked += now;
            clearedBefore[i] = now < wanted ? before : firstLong(connection, LAST_PICKED, i);
        }
        return deletePicked(connection, picked);
    }

    /** A deletion failed and rolled back: the cursors may have passed logs that are still there, so they start over. */
    void forget() {
        targets = List.of();
        firstUnseenBlock = -1;
    }

    private void catchUp(Connection connection, List<Expiry> rules) throws SQLException {
        List<List<Object>> now = rules.stream()
                .map(rule -> Arrays.<Object>asList(
                        rule.service() == null ? null : rule.service().toLowerCase(Locale.ROOT), rule.severity()))
                .toList();
        if (!now.equals(targets)) {
            targets = now;
            clearedBefore = new long[rules.size()];
            Arrays.fill(clearedBefore, Long.MIN_VALUE);
            firstUnseenBlock = -1;
        }
        if (firstUnseenBlock >= 0) {
            Long oldest = firstLong(connection, OLDEST_WRITTEN_SINCE, firstUnseenBlock);
            for (int i = 0; oldest != null && i < clearedBefore.length; i++) {
                clearedBefore[i] = Math.min(clearedBefore[i], oldest);
            }
        }
        Long newest = firstLong(connection, "SELECT MAX(id) FROM logs");
        firstUnseenBlock = newest == null ? 0 : newest >> LogBlocks.BITS;
    }

    static void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
            statement.execute("DELETE FROM temp.doomed");
        }
    }

    /** The oldest first, so that a step that stops at its limit leaves the cursor at the last log it took. */
    private static int pickExpired(
            Connection connection, List<Expiry> rules, int index, long from, long before, int limit)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(index);
        args.add(from);
        args.add(before);
        String sql = "INSERT OR IGNORE INTO temp.doomed (id, rule) SELECT id, ? FROM logs WHERE ts >= ? AND ts < ?"
                + governedBy(rules, index, args) + NOT_NEWEST + " ORDER BY ts LIMIT ?";
        args.add(limit);
        return update(connection, sql, args.toArray());
    }

    /**
     * The condition, to follow a WHERE, for the rows of a table with {@code service} and {@code severity} columns that
     * rule {@code index} governs: those it matches that no rule before it matches.
     */
    static String governedBy(List<Expiry> rules, int index, List<Object> args) {
        Expiry rule = rules.get(index);
        StringBuilder sql = new StringBuilder();
        match(rule, sql, args);
        for (int j = 0; j < index; j++) {
            if (rules.get(j).overlaps(rule)) {
                sql.append(" AND NOT (1 = 1");
                match(rules.get(j), sql, args);
                sql.append(')');
            }
        }
        return sql.toString();
    }

    private static void match(Expiry rule, StringBuilder sql, List<Object> args) {
        if (rule.service() != null) {
            sql.append(" AND service = ?");
            args.add(rule.service());
        }
        if (rule.severity() != null) {
            sql.append(" AND severity = ?");
            args.add(rule.severity().ordinal());
        }
    }

    static int deletePicked(Connection connection, int picked) throws SQLException {
        if (picked == 0) {
            return 0;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(UNCOUNT);
            statement.executeUpdate(DROP_EMPTY_COUNTS);
            int deleted = statement.executeUpdate(DELETE_LOGS);
            statement.executeUpdate(DROP_EMPTY_BLOCKS);
            statement.execute("DELETE FROM temp.doomed");
            return deleted;
        }
    }

    static int update(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
    }

    static Long firstLong(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                long value = rows.getLong(1);
                return rows.wasNull() ? null : value;
            }
        }
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
