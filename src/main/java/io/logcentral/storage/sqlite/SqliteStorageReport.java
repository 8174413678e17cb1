package io.logcentral.storage.sqlite;

import io.logcentral.storage.Expiry;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StorageReport;
import io.logcentral.storage.Timestamps;
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
@SqliteStore
public class SqliteStorageReport implements StorageReport {

    private static final String DAY = "(minute - ((minute % 1440) + 1440) % 1440) / 1440";

    private final ReadDeadlines readers;
    private final JdbcClient jdbc;

    SqliteStorageReport(@Qualifier(SqliteDataSources.READER) DataSource readers) {
        this.readers = new ReadDeadlines(readers);
        this.jdbc = JdbcClient.create(this.readers);
    }

    @Override
    public <T> T within(Duration budget, Supplier<T> reads) {
        return readers.within(budget, reads);
    }

    @Override
    public List<Count> counts() {
        return jdbc.sql("SELECT service, severity, SUM(n) AS logs FROM log_counts GROUP BY service, severity"
                        + " ORDER BY logs DESC")
                .query((row, i) -> new Count(row.getString(1), Severity.values()[row.getInt(2)], row.getLong(3)))
                .list();
    }

    @Override
    public List<Day> perDay(LocalDate from) {
        return jdbc.sql("SELECT " + DAY + " AS day, SUM(n) FROM log_counts WHERE minute >= ? GROUP BY day ORDER BY day")
                .param(from.toEpochDay() * 1440)
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
    public long reusableBytes() {
        long pages = jdbc.sql("PRAGMA freelist_count").query(Long.class).single();
        return pages * jdbc.sql("PRAGMA page_size").query(Long.class).single();
    }

    @Override
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
