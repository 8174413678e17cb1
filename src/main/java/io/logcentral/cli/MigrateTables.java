package io.logcentral.cli;

import io.logcentral.storage.Severity;
import io.logcentral.storage.StoredLog;
import io.logcentral.storage.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** What {@code migrate} moves and how it reads it alike from both stores: the logs' columns, the other tables. */
final class MigrateTables {

    static final String LOG_COLUMNS =
            "id, ts, received_at, service, severity, message, request_id, trace_id, span_id, host, attributes";

    /**
     * The tables besides the logs, copied whole with their ids. Idempotency keys too: the logs keep their ids, so a
     * client retrying across the move still gets its first answer instead of storing its logs twice. Not moved:
     * SQLite's own indexes (the blocks' time ranges and their filters of words and values), which PostgreSQL keeps in its
     * indexes, and the counts per minute, which are counted again from the logs as they go in.
     */
    static final List<Table> ALL = List.of(
            new Table("loggerbot_users", "user_name", false, List.of()),
            new Table("managed_tokens", "name", false, List.of()),
            new Table("managed_token_version", "id", false, List.of("version")),
            new Table("alert_rules", "id", true, List.of("created_at", "updated_at")),
            new Table("alert_channels", "name", false, List.of()),
            new Table("notifications", "id", true, List.of()),
            new Table("retention_rules", "id", true, List.of()),
            new Table("audit_events", "id", true, List.of()),
            new Table("idempotency_keys", "key_hash", false, List.of()));

    private MigrateTables() {}

    /**
     * @param key the column the rows are compared in the order of
     * @param identity whether {@code id} is handed out by a sequence, which must go on after the largest id moved
     * @param zeroWhenSeeded the columns that are 0 in rows the schema's migrations insert (the seed rule) and never in
     *     rows made through the API: a target holding only such rows has not been used yet
     */
    record Table(String name, String key, boolean identity, List<String> zeroWhenSeeded) {}

    /** A column of the PostgreSQL table and its type, as {@code information_schema} names it. */
    record Column(String name, String type) {}

    /** How many logs a store holds and its first and last id (0 and 0 when none). */
    record Summary(long count, long minId, long maxId) {}

    /** A service, exactly as stored, and a severity: the key of the logs' counts compared per group. */
    record Group(String service, int severity) {}

    /** A table's rows, sorted by its key, values made comparable across the stores (numbers long, booleans 0/1). */
    record Rows(List<String> columns, List<List<@Nullable Object>> rows) {

        static Rows read(ResultSet rs, List<String> columns, String key, UnaryOperator<String> text)
                throws SQLException {
            List<List<@Nullable Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<@Nullable Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(value(rs.getObject(i), text));
                }
                rows.add(row);
            }
            int at = columns.indexOf(key);
            rows.sort((a, b) -> byValue(a.get(at), b.get(at)));
            return new Rows(columns, rows);
        }

        /** Whether every row is one the schema's migrations inserted (none at all included). */
        boolean seededOnly(Table table) {
            if (rows.isEmpty()) {
                return true;
            }
            if (table.zeroWhenSeeded().isEmpty()) {
                return false;
            }
            return rows.stream()
                    .allMatch(row -> table.zeroWhenSeeded().stream()
                            .allMatch(column -> Long.valueOf(0).equals(row.get(columns.indexOf(column)))));
        }

        long highest(String column) {
            int at = columns.indexOf(column);
            return rows.stream()
                    .mapToLong(row -> row.get(at) instanceof Long id ? id : 0)
                    .max()
                    .orElse(0);
        }
    }

    /** A log read from either store, the columns being {@link #LOG_COLUMNS}. */
    static StoredLog log(ResultSet rs) throws SQLException {
        return new StoredLog(
                rs.getLong(1),
                Timestamps.fromMicros(rs.getLong(2)),
                Timestamps.fromMicros(rs.getLong(3)),
                rs.getString(4),
                Severity.values()[rs.getInt(5)],
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11));
    }

    /** The log as the target keeps it: every text as {@code text} stores it. */
    static StoredLog stored(StoredLog log, UnaryOperator<String> text) {
        return new StoredLog(
                log.id(),
                log.timestamp(),
                log.receivedAt(),
                text.apply(log.service()),
                log.severity(),
                text.apply(log.message()),
                text.apply(log.requestId()),
                text.apply(log.traceId()),
                text.apply(log.spanId()),
                text.apply(log.host()),
                text.apply(log.attributesJson()));
    }

    @Nullable
    private static Object value(@Nullable Object value, UnaryOperator<String> text) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            return text.apply(s);
        }
        return value == null ? null : value.toString();
    }

    /** Numbers as numbers, other keys as text, in Java's order: both sides sort alike whatever their collation. */
    private static int byValue(@Nullable Object a, @Nullable Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
