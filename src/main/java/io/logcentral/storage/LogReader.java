package io.logcentral.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads logs on the reader pool. Each read is one statement in autocommit, which SQLite runs on one consistent
 * snapshot; no Spring transaction here, since the JPA transaction manager would hand out the writer's connection.
 */
@Service
public class LogReader {

    private final JdbcClient jdbc;

    LogReader(@Qualifier(SqliteDataSources.READER) DataSource readers) {
        this.jdbc = JdbcClient.create(readers);
    }

    public List<StoredLog> find(LogQuery query) {
        LogSearchSql sql = LogSearchSql.select(query);
        return jdbc.sql(sql.text(query))
                .params(sql.params(query))
                .query(LogReader::map)
                .list();
    }

    /** Up to {@code limit} logs matching {@code query} committed after the log {@code id}, in commit order. */
    public List<StoredLog> findAfterId(LogQuery query, long id, int limit) {
        LogSearchSql sql = LogSearchSql.select(query);
        return jdbc.sql(sql.afterIdText())
                .params(sql.afterIdParams(id, limit))
                .query(LogReader::map)
                .list();
    }

    /** The id of the newest committed log, 0 when there is none. */
    public long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM logs")
                .query(Long.class)
                .single();
    }

    public Optional<StoredLog> findById(long id) {
        return jdbc.sql("SELECT " + LogSearchSql.COLUMNS + " FROM logs WHERE id = ?")
                .param(id)
                .query(LogReader::map)
                .optional();
    }

    /** One cell of a histogram: how many logs of a severity (and service, when asked) fell in a bucket. */
    public record BucketCount(long bucket, Severity severity, String service, long count) {}

    /** A service seen, how often, and when last. */
    public record ServiceCount(String service, long count, Instant lastSeen) {}

    /** Counts the logs {@code query} matches per bucket of {@code width} from {@code origin}. */
    public List<BucketCount> countByBucket(LogQuery query, Instant origin, Duration width, boolean byService) {
        LogSearchSql sql = LogSearchSql.select(query);
        return jdbc.sql(sql.countsText(byService))
                .params(sql.countsParams(Timestamps.toMicros(origin), width.toNanos() / 1000))
                .query((rs, row) -> new BucketCount(
                        rs.getLong("bucket"),
                        Severity.values()[rs.getInt("severity")],
                        byService ? rs.getString("service") : null,
                        rs.getLong("n")))
                .list();
    }

    public List<ServiceCount> services(LogQuery query) {
        LogSearchSql sql = LogSearchSql.select(query);
        return jdbc.sql(sql.servicesText())
                .params(sql.filterParams())
                .query((rs, row) -> new ServiceCount(
                        rs.getString("service"), rs.getLong("n"), Timestamps.fromMicros(rs.getLong("last_ts"))))
                .list();
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
