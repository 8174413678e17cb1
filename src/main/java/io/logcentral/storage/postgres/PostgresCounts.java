package io.logcentral.storage.postgres;

import io.logcentral.storage.MinuteSplit;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts per minute, service and severity ({@code log_counts}): changed by the writer in the transaction that adds
 * logs and by retention in the one that deletes them, read by stats for the whole minutes of a range.
 */
final class PostgresCounts {

    static final long MINUTE = MinuteSplit.MINUTE;

    /**
     * Service names are grouped without case in SQL, not in Java, so the keys of one statement can never meet the same
     * row twice whatever Java and the database's locale think a case is.
     */
    private static final String CHANGE = "INSERT INTO log_counts (minute, service, severity, n, last_ts)"
            + " SELECT minute, MIN(service), severity, SUM(n), MAX(last_ts)"
            + " FROM unnest(?::bigint[], ?::text[], ?::smallint[], ?::bigint[], ?::bigint[])"
            + " AS c (minute, service, severity, n, last_ts) GROUP BY minute, lower(service), severity"
            + " ON CONFLICT (minute, lower(service), severity) DO UPDATE SET n = log_counts.n + excluded.n,"
            + " last_ts = GREATEST(log_counts.last_ts, excluded.last_ts)";

    private static final String DROP_EMPTY = "DELETE FROM log_counts c USING"
            + " unnest(?::bigint[], ?::text[], ?::smallint[]) AS d (minute, service, severity)"
            + " WHERE c.minute = d.minute AND lower(c.service) = lower(d.service) AND c.severity = d.severity"
            + " AND c.n <= 0";

    private final Map<Key, long[]> changes = new LinkedHashMap<>();

    private record Key(long minute, String service, int severity) {}

    /** The counts these new logs add, their services as the store keeps them. */
    static PostgresCounts of(List<NewLog> logs) {
        PostgresCounts counts = new PostgresCounts();
        for (NewLog log : logs) {
            counts.add(
                    Timestamps.toMicros(log.timestamp()),
                    PostgresCopy.storable(log.service()),
                    log.severity().ordinal(),
                    1);
        }
        return counts;
    }

    /** Adds {@code n} (negative to take off) logs of this minute, service and severity, the newest at {@code ts}. */
    void add(long ts, String service, int severity, long n) {
        long[] change = changes.computeIfAbsent(
                new Key(Math.floorDiv(ts, MINUTE), service, severity), k -> new long[] {0, Long.MIN_VALUE});
        change[0] += n;
        change[1] = Math.max(change[1], ts);
    }

    /** Writes the changes added so far, in the caller's transaction. */
    void write(Connection connection) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        List<Long> minutes = new ArrayList<>();
        List<String> services = new ArrayList<>();
        List<Integer> severities = new ArrayList<>();
        List<Long> ns = new ArrayList<>();
        List<Long> lasts = new ArrayList<>();
        boolean takesOff = false;
        for (Map.Entry<Key, long[]> change : changes.entrySet()) {
            minutes.add(change.getKey().minute());
            services.add(change.getKey().service());
            severities.add(change.getKey().severity());
            ns.add(change.getValue()[0]);
            lasts.add(change.getValue()[1]);
            takesOff |= change.getValue()[0] < 0;
        }
        try (PreparedStatement upsert = connection.prepareStatement(CHANGE)) {
            upsert.setArray(1, connection.createArrayOf("bigint", minutes.toArray()));
            upsert.setArray(2, connection.createArrayOf("text", services.toArray()));
            upsert.setArray(3, connection.createArrayOf("smallint", severities.toArray()));
            upsert.setArray(4, connection.createArrayOf("bigint", ns.toArray()));
            upsert.setArray(5, connection.createArrayOf("bigint", lasts.toArray()));
            upsert.executeUpdate();
        }
        if (takesOff) {
            try (PreparedStatement drop = connection.prepareStatement(DROP_EMPTY)) {
                drop.setArray(1, connection.createArrayOf("bigint", minutes.toArray()));
                drop.setArray(2, connection.createArrayOf("text", services.toArray()));
                drop.setArray(3, connection.createArrayOf("smallint", severities.toArray()));
                drop.executeUpdate();
            }
        }
        changes.clear();
    }

    static Severity severity(int ordinal) {
        return Severity.values()[ordinal];
    }
}
