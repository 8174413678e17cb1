package io.logcentral.storage.sqlite;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.MinuteSplit;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StoredLog;
import io.logcentral.storage.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads logs on the reader pool. A read is one statement in autocommit, which SQLite runs on one consistent snapshot,
 * or, for a search through the block filters or counts that mix per-minute counts with logs, several statements in one read
 * transaction on the readers' own transaction manager
 * (the application's JPA transaction manager would hand out the writer's connection).
 */
@Service
@SqliteStore
public class SqliteLogReader implements LogReader {

    private final ReadDeadlines readers;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final TextSearch textSearch;

    SqliteLogReader(@Qualifier(SqliteDataSources.READER) DataSource readers, UnwrittenFilters unwritten) {
        this.readers = new ReadDeadlines(readers);
        this.jdbc = JdbcClient.create(this.readers);
        this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(this.readers));
        this.textSearch = new TextSearch(jdbc, SqliteLogReader::map, unwritten);
    }

    @Override
    public <T> T within(Duration budget, Supplier<T> reads) {
        return readers.within(budget, reads);
    }

    @Override
    public List<StoredLog> find(LogQuery query) {
        if (TextSearch.answers(query)) {
            // One snapshot, so the blocks and filters it reads fit the logs it reads.
            return snapshot.execute(status -> textSearch.find(query));
        }
        LogSearchSql sql = LogSearchSql.select(query);
        return jdbc.sql(sql.text(query))
                .params(sql.params(query))
                .query(SqliteLogReader::map)
                .list();
    }

    @Override
    public List<StoredLog> findAfterId(LogQuery query, long id, int limit) {
        LogSearchSql sql = LogSearchSql.select(query);
        return jdbc.sql(sql.afterIdText())
                .params(sql.afterIdParams(id, limit))
                .query(SqliteLogReader::map)
                .list();
    }

    @Override
    public long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM logs")
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<StoredLog> findById(long id) {
        return jdbc.sql("SELECT " + LogSearchSql.COLUMNS + " FROM logs WHERE id = ?")
                .param(id)
                .query(SqliteLogReader::map)
                .optional();
    }

    @Override
    public List<BucketCount> countByBucket(LogQuery query, Instant origin, Duration width, boolean byService) {
        long originMicros = Timestamps.toMicros(origin);
        long widthMicros = width.toNanos() / 1000;
        return MinuteSplit.count(
                query,
                split -> {
                    LogSearchSql sql = LogSearchSql.minutes(query, split.firstMinute(), split.endMinute());
                    return jdbc.sql(sql.minuteCountsText(byService))
                            .params(sql.countsParams(originMicros, widthMicros))
                            .query((rs, row) -> bucketCount(rs, byService))
                            .list();
                },
                logs -> countLogs(logs, originMicros, widthMicros, byService),
                this::inSnapshot);
    }

    private List<BucketCount> countLogs(LogQuery query, long originMicros, long widthMicros, boolean byService) {
        return inCandidates(
                query,
                (sql, part) -> jdbc.sql(sql.countsText(byService))
                        .params(sql.countsParams(originMicros, widthMicros))
                        .query((rs, row) -> bucketCount(rs, byService))
                        .list());
    }

    /**
     * Counts over the logs the block filters leave for {@code query}, a part of the ranges at a time (the parts' counts
     * add up; {@code count} is told when it counts a part), or over all its logs when the filters cannot narrow it.
     */
    private <T> List<T> inCandidates(LogQuery query, BiFunction<LogSearchSql, Boolean, List<T>> count) {
        if (!TextSearch.answers(query)) {
            return count.apply(LogSearchSql.select(query), false);
        }
        return inSnapshot(() -> {
            List<IdRange> ranges = textSearch.candidateRanges(query);
            List<T> counts = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i += TextSearch.RANGES_PER_READ) {
                List<IdRange> part = ranges.subList(i, Math.min(ranges.size(), i + TextSearch.RANGES_PER_READ));
                counts.addAll(count.apply(LogSearchSql.within(query, part), ranges.size() > part.size()));
            }
            return counts;
        });
    }

    private static BucketCount bucketCount(ResultSet rs, boolean byService) throws SQLException {
        return new BucketCount(
                rs.getLong("bucket"),
                Severity.values()[rs.getInt("severity")],
                byService ? rs.getString("service") : null,
                rs.getLong("n"));
    }

    @Override
    public List<ServiceCount> services(LogQuery query, int max) {
        List<ServiceCount> counts = MinuteSplit.count(
                query,
                split -> {
                    LogSearchSql sql = LogSearchSql.minutes(query, split.firstMinute(), split.endMinute());
                    return jdbc.sql(sql.minuteServicesText())
                            .params(sql.minuteServicesParams(max + 1))
                            .query(SqliteLogReader::serviceCount)
                            .list();
                },
                logs -> countServices(logs, max),
                this::inSnapshot);
        return ServiceCount.merged(counts, max);
    }

    private List<ServiceCount> countServices(LogQuery query, int max) {
        // The top services of a part need not be the top ones of all: each part counts every service.
        return inCandidates(
                query,
                (sql, part) -> jdbc.sql(sql.servicesText())
                        .params(sql.servicesParams(part ? Integer.MAX_VALUE : max + 1))
                        .query(SqliteLogReader::serviceCount)
                        .list());
    }

    private static ServiceCount serviceCount(ResultSet rs, int row) throws SQLException {
        return new ServiceCount(rs.getString("service"), rs.getLong("n"), Timestamps.fromMicros(rs.getLong("last_ts")));
    }

    private <T> T inSnapshot(Supplier<T> reads) {
        return snapshot.execute(status -> reads.get());
    }

    private static StoredLog map(ResultSet rs, int row) throws SQLException {
        return new StoredLog(
                rs.getLong("id"),
                Timestamps.fromMicros(rs.getLong("ts")),
                Timestamps.fromMicros(rs.getLong("received_at")),
                rs.getString("service"),
                Severity.values()[rs.getInt("severity")],
                rs.getString("message"),
                rs.getString("request_id"),
                rs.getString("trace_id"),
                rs.getString("span_id"),
                rs.getString("host"),
                rs.getString("attributes"));
    }
}
