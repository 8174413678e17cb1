package io.logcentral.storage.postgres;

import io.logcentral.storage.LogLoader;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.StoredLog;
import io.logcentral.storage.Timestamps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/** {@link LogLoader} on PostgreSQL: the writer's partitions, COPY and counts, with the ids the logs bring. */
public final class PostgresLogLoader implements LogLoader {

    private static final String CONTINUE_IDS = "SELECT setval('logs_id_seq', max(id)) FROM logs";

    /** Each minute's logs counted again (minutes are floored, as PostgresCounts and SQLite's V5 floor them). */
    private static final String MISCOUNTED = "SELECT count(*) FROM"
            + " (SELECT (ts - ((ts % " + PostgresCounts.MINUTE + ") + " + PostgresCounts.MINUTE + ") % "
            + PostgresCounts.MINUTE + ") / " + PostgresCounts.MINUTE + " AS minute,"
            + " lower(service) AS service, severity, count(*) AS n, max(ts) AS last_ts FROM logs GROUP BY 1, 2, 3) l"
            + " FULL JOIN (SELECT minute, lower(service) AS service, severity, n, last_ts FROM log_counts) c"
            + " ON l.minute = c.minute AND l.service = c.service AND l.severity = c.severity"
            + " WHERE l.n IS DISTINCT FROM c.n OR l.last_ts IS DISTINCT FROM c.last_ts";

    private final PostgresPartitions partitions = new PostgresPartitions();

    @Override
    public void makePartitions(Connection connection, List<StoredLog> logs, Instant now) throws SQLException {
        long[] timestamps = logs.stream()
                .mapToLong(log -> Timestamps.toMicros(log.timestamp()))
                .toArray();
        partitions.ensure(connection, timestamps, Math.floorDiv(Timestamps.toMicros(now), PostgresPartitions.DAY));
    }

    @Override
    public void insert(Connection connection, List<StoredLog> logs) throws SQLException {
        long[] ids = logs.stream().mapToLong(StoredLog::id).toArray();
        List<NewLog> rows = logs.stream().map(PostgresLogLoader::row).toList();
        PostgresLogWriter.lockStore(connection);
        PostgresCopy.logs(connection, ids, rows);
        PostgresCounts.of(rows).write(connection);
    }

    @Override
    public void continueIds(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CONTINUE_IDS);
        }
    }

    @Override
    public String storable(String text) {
        return PostgresCopy.storable(text);
    }

    @Override
    public long miscountedMinutes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(MISCOUNTED)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static NewLog row(StoredLog log) {
        return new NewLog(
                log.timestamp(),
                log.receivedAt(),
                log.service(),
                log.severity(),
                log.message(),
                log.requestId(),
                log.traceId(),
                log.spanId(),
                log.host(),
                log.attributesJson());
    }
}
