package io.logcentral.storage.postgres;

import io.logcentral.storage.Expiry;
import io.logcentral.storage.MinuteSplit;
import io.logcentral.storage.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Retention on PostgreSQL: whole days dropped where every rule agrees, rows deleted where rules differ. */
final class PostgresExpiry {

    private PostgresExpiry() {}

    /**
     * The time before which every log goes, whatever its service and severity: the earliest cut-off of all rules, when
     * one rule covers every log; null when none does (logs that no rule matches are kept).
     */
    static Instant wholeDaysBefore(List<Expiry> rules) {
        if (rules.stream().noneMatch(rule -> rule.service() == null && rule.severity() == null)) {
            return null;
        }
        return rules.stream().map(Expiry::before).min(Instant::compareTo).orElseThrow();
    }

    /**
     * Deletes up to {@code limit} logs that their rule lets go, with their counts. {@code rules} come most specific
     * first; a log belongs to the first rule that matches it.
     */
    static long deleteRows(Connection connection, List<Expiry> rules, int limit) throws SQLException {
        PostgresCounts counts = new PostgresCounts();
        long deleted = 0;
        for (int i = 0; i < rules.size() && deleted < limit; i++) {
            List<Object> args = new ArrayList<>();
            args.add(Timestamps.toMicros(rules.get(i).before()));
            String governed = governedBy(rules, i, args);
            args.add(limit - deleted);
            String sql = "WITH gone AS (DELETE FROM logs WHERE (ts, id) IN (SELECT ts, id FROM logs WHERE ts < ?"
                    + governed + " LIMIT ?) RETURNING ts, service, severity)"
                    + " SELECT MAX(ts), service, severity, COUNT(*) FROM gone GROUP BY "
                    + MinuteSplit.MINUTE_OF_TS + ", service, severity";
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                for (int a = 0; a < args.size(); a++) {
                    delete.setObject(a + 1, args.get(a));
                }
                try (ResultSet gone = delete.executeQuery()) {
                    while (gone.next()) {
                        counts.add(gone.getLong(1), gone.getString(2), gone.getInt(3), -gone.getLong(4));
                        deleted += gone.getLong(4);
                    }
                }
            }
        }
        counts.write(connection);
        return deleted;
    }

    /**
     * The condition, to follow a WHERE, for the rows of a table with {@code service} and {@code severity} columns that
     * rule {@code index} governs: those it matches that no rule before it matches.
     */
    static String governedBy(List<Expiry> rules, int index, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        match(rules.get(index), sql, args);
        for (int j = 0; j < index; j++) {
            sql.append(" AND NOT (true");
            match(rules.get(j), sql, args);
            sql.append(')');
        }
        return sql.toString();
    }

    private static void match(Expiry rule, StringBuilder sql, List<Object> args) {
        if (rule.service() != null) {
            sql.append(" AND lower(service) = lower(?)");
            args.add(rule.service());
        }
        if (rule.severity() != null) {
            sql.append(" AND severity = ?");
            args.add(rule.severity().ordinal());
        }
    }
}
