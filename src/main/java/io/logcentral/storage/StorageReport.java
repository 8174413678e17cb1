package io.logcentral.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What fills the store, read from the counts per minute (a few thousand rows a day, not the logs) and a sample of the
 * newest messages, on the reader pool within a time budget.
 */
@Component
public class StorageReport {

    /** Logs of one service and severity. */
    public record Count(String service, Severity severity, long logs) {}

    /** Logs whose timestamp falls on one day (UTC). */
    public record Day(LocalDate day, long logs) {}

    /** Logs a rule lets go now, to the minute. */
    public record Due(long logs, Instant oldest) {}

    private static final String DAY = "(minute - ((minute % 1440) + 1440) % 1440) / 1440";

    private final ReadDeadlines readers;
    private final JdbcClient jdbc;

    StorageReport(@Qualifier(SqliteDataSources.READER) DataSource readers) {
        this.readers = new ReadDeadlines(readers);
        this.jdbc = JdbcClient.create(this.readers);
    }

    /** Runs {@code reads} within {@code budget}; past it a {@link org.springframework.dao.QueryTimeoutException}. */
    public <T> T within(Duration budget, Supplier<T> reads) {
        return readers.within(budget, reads);
    }

    public List<Count> counts() {
        return jdbc.sql("SELECT service, severity, SUM(n) AS logs FROM log_counts GROUP BY service, severity"
                        + " ORDER BY logs DESC")
                .query((row, i) -> new Count(row.getString(1), Severity.values()[row.getInt(2)], row.getLong(3)))
                .list();
    }

    /** Logs per day of their timestamp, for the days from {@code from} on. */
    public List<Day> perDay(LocalDate from) {
        return jdbc.sql("SELECT " + DAY + " AS day, SUM(n) FROM log_counts WHERE minute >= ? GROUP BY day ORDER BY day")
                .param(from.toEpochDay() * 1440)
                .query((row, i) -> new Day(LocalDate.ofEpochDay(row.getLong(1)), row.getLong(2)))
                .list();
    }

    /** The oldest timestamp stored, null when there is no log. */
    public Instant oldest() {
        return jdbc.sql("SELECT ts FROM logs ORDER BY ts LIMIT 1")
                .query(Long.class)
                .optional()
                .map(Timestamps::fromMicros)
                .orElse(null);
    }

    /** The messages of the newest {@code count} logs. */
    public List<String> newestMessages(int count) {
        return jdbc.sql("SELECT message FROM logs ORDER BY id DESC LIMIT ?")
                .param(count)
                .query(String.class)
                .list();
    }

    /** Pages of deleted logs inside the file, reused for new logs, in bytes. */
    public long reusableBytes() {
        long pages = jdbc.sql("PRAGMA freelist_count").query(Long.class).single();
        return pages * jdbc.sql("PRAGMA page_size").query(Long.class).single();
    }

    /** For each rule, most specific first, the logs it lets go now (to the minute) and the oldest of them. */
    public List<Due> due(List<Expiry> rules) {
        List<Due> due = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            List<Object> args = new ArrayList<>();
            args.add(Math.floorDiv(Timestamps.toMicros(rules.get(i).before()), LogCounts.MINUTE));
            String governed = LogDeleter.governedBy(rules, i, args);
            due.add(jdbc.sql("SELECT COALESCE(SUM(n), 0), MIN(minute) FROM log_counts WHERE minute < ?" + governed)
                    .params(args)
                    .query((row, n) -> {
                        long minute = row.getLong(2);
                        Instant oldest = row.wasNull() ? null : Timestamps.fromMicros(minute * LogCounts.MINUTE);
                        return new Due(row.getLong(1), oldest);
                    })
                    .single());
        }
        return due;
    }
}
