package io.logcentral.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The part of a {@link StorageReport} that is the same SQL on every store: logs per day and what retention lets go
 * from the counts per minute ({@code log_counts}, a few thousand rows a day), the oldest log and the newest messages
 * from the logs.
 */
public abstract class CountedStorageReport implements StorageReport {

    private static final long MINUTES_A_DAY = 1440;
    private static final String DAY = "(minute - ((minute % " + MINUTES_A_DAY + ") + " + MINUTES_A_DAY + ") % "
            + MINUTES_A_DAY + ") / " + MINUTES_A_DAY;

    protected final JdbcClient jdbc;

    protected CountedStorageReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The SQL that keeps rule {@code rule}'s count to the logs it governs (those no more specific rule governs), its
     * parameters added to {@code args}.
     */
    protected abstract String governedBy(List<Expiry> rules, int rule, List<Object> args);

    @Override
    public List<Day> perDay(LocalDate from) {
        return jdbc.sql("SELECT " + DAY + " AS day, SUM(n) FROM log_counts WHERE minute >= ? GROUP BY day ORDER BY day")
                .param(from.toEpochDay() * MINUTES_A_DAY)
                .query((row, i) -> new Day(LocalDate.ofEpochDay(row.getLong(1)), row.getLong(2)))
                .list();
    }

    @Override
    public Instant oldest() {
        return jdbc.sql("SELECT ts FROM logs ORDER BY ts LIMIT 1")
                .query(Long.class)
                .optional()
                .map(Timestamps::fromMicros)
                .orElse(null);
    }

    @Override
    public List<String> newestMessages(int count) {
        return jdbc.sql("SELECT message FROM logs ORDER BY id DESC LIMIT ?")
                .param(count)
                .query(String.class)
                .list();
    }

    @Override
    public List<Due> due(List<Expiry> rules) {
        List<Due> due = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            List<Object> args = new ArrayList<>();
            args.add(Math.floorDiv(Timestamps.toMicros(rules.get(i).before()), MinuteSplit.MINUTE));
            String governed = governedBy(rules, i, args);
            due.add(jdbc.sql("SELECT COALESCE(SUM(n), 0), MIN(minute) FROM log_counts WHERE minute < ?" + governed)
                    .params(args)
                    .query((row, n) -> {
                        long minute = row.getLong(2);
                        Instant oldest = row.wasNull() ? null : Timestamps.fromMicros(minute * MinuteSplit.MINUTE);
                        return new Due(row.getLong(1), oldest);
                    })
                    .single());
        }
        return due;
    }
}
