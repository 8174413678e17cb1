package io.logcentral.storage.sqlite;

import io.logcentral.storage.CountedStorageReport;
import io.logcentral.storage.Expiry;
import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What fills the store, read from the counts per minute (a few thousand rows a day, not the logs) and a sample of the
 * newest messages, on the reader pool within a time budget.
 */
@Component
@SqliteStore
public class SqliteStorageReport extends CountedStorageReport {

    private final ReadDeadlines readers;

    @Autowired
    SqliteStorageReport(@Qualifier(SqliteDataSources.READER) DataSource readers) {
        this(new ReadDeadlines(readers));
    }

    private SqliteStorageReport(ReadDeadlines readers) {
        super(JdbcClient.create(readers));
        this.readers = readers;
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
    public long reusableBytes() {
        long pages = jdbc.sql("PRAGMA freelist_count").query(Long.class).single();
        return pages * jdbc.sql("PRAGMA page_size").query(Long.class).single();
    }

    @Override
    protected String governedBy(List<Expiry> rules, int rule, List<Object> args) {
        return LogDeleter.governedBy(rules, rule, args);
    }
}
