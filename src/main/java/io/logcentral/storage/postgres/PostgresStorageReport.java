package io.logcentral.storage.postgres;

import io.logcentral.storage.Expiry;
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

/** What fills the store, from the counts per minute and a sample of the newest messages, within a time budget. */
@Component
@PostgresStore
class PostgresStorageReport implements StorageReport {

    private static final long MINUTES_A_DAY = PostgresPartitions.DAY / PostgresCounts.MINUTE;
    private static final String DAY = "(minute - ((minute % " + MINUTES_A_DAY + ") + " + MINUTES_A_DAY + ") % "
            + MINUTES_A_DAY + ") / " + MINUTES_A_DAY;

    private final ReadBudgets readers;
    private final JdbcClient jdbc;

    PostgresStorageReport(@Qualifier(PostgresDataSources.READER) DataSource readers) {
        this.readers = new ReadBudgets(readers);
        this.jdbc = JdbcClient.create(this.readers);
    }

    @Override
    public <T> T within(Duration budget, Supplier<T> reads) {
        return readers.within(budget, reads);
    }

    @Override
    public List<Count> counts() {
        return jdbc.sql("SELECT MIN(service), severity, SUM(n) AS logs FROM log_counts"
                        + " GROUP BY lower(service), severity ORDER BY logs DESC")
                .query((row, i) -> new Count(row.getString(1), PostgresCounts.severity(row.getInt(2)), row.getLong(3)))
                .list();
    }

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

    /** Autovacuum reuses the space of deleted rows on its own; there is nothing to report apart from the size. */
    @Override
    public long reusableBytes() {
        return 0;
    }

    @Override
    public List<Due> due(List<Expiry> rules) {
        List<Due> due = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            List<Object> args = new ArrayList<>();
            args.add(Math.floorDiv(Timestamps.toMicros(rules.get(i).before()), PostgresCounts.MINUTE));
            String governed = PostgresExpiry.governedBy(rules, i, args);
            due.add(jdbc.sql("SELECT COALESCE(SUM(n), 0), MIN(minute) FROM log_counts WHERE minute < ?" + governed)
                    .params(args)
                    .query((row, n) -> {
                        long minute = row.getLong(2);
                        Instant oldest = row.wasNull() ? null : Timestamps.fromMicros(minute * PostgresCounts.MINUTE);
                        return new Due(row.getLong(1), oldest);
                    })
                    .single());
        }
        return due;
    }
}
