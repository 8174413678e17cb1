package io.logcentral.storage.postgres;

import io.logcentral.storage.CountedStorageReport;
import io.logcentral.storage.Expiry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What fills the store, from the counts per minute and a sample of the newest messages, within a time budget. */
@Component
@PostgresStore
class PostgresStorageReport extends CountedStorageReport {

    private final ReadBudgets readers;

    @Autowired
    PostgresStorageReport(@Qualifier(PostgresDataSources.READER) DataSource readers) {
        this(new ReadBudgets(readers));
    }

    private PostgresStorageReport(ReadBudgets readers) {
        super(JdbcClient.create(readers));
        this.readers = readers;
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

    /** Autovacuum reuses the space of deleted rows on its own; there is nothing to report apart from the size. */
    @Override
    public long reusableBytes() {
        return 0;
    }

    @Override
    protected String governedBy(List<Expiry> rules, int rule, List<Object> args) {
        return PostgresExpiry.governedBy(rules, rule, args);
    }
}
