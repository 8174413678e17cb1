package io.logcentral.storage.postgres;

import io.logcentral.storage.NewLog;
import io.logcentral.storage.Timestamps;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Logs into {@code logs} through COPY in its text format: one round trip a batch, and the fastest way in that
 * PostgreSQL has (bench/postgres.sh compares it with a multi-row INSERT).
 */
final class PostgresCopy {

    static final String COPY_LOGS = "COPY logs (id, ts, received_at, service, severity, message, request_id,"
            + " trace_id, span_id, host, attributes, words) FROM STDIN";

    private PostgresCopy() {}

    static void logs(Connection connection, long firstId, List<NewLog> logs) throws SQLException {
        long[] ids = new long[logs.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = firstId + i;
        }
        logs(connection, ids, logs);
    }

    /** The logs with the ids given, one for each, in the same order. */
    static void logs(Connection connection, long[] ids, List<NewLog> logs) throws SQLException {
        StringBuilder rows = new StringBuilder(logs.size() * 256);
        for (int i = 0; i < ids.length; i++) {
            NewLog log = logs.get(i);
            rows.append(ids[i]).append('\t');
            rows.append(Timestamps.toMicros(log.timestamp())).append('\t');
            rows.append(Timestamps.toMicros(log.receivedAt())).append('\t');
            text(rows, log.service()).append('\t');
            rows.append(log.severity().ordinal()).append('\t');
            text(rows, log.message()).append('\t');
            text(rows, log.requestId()).append('\t');
            text(rows, log.traceId()).append('\t');
            text(rows, log.spanId()).append('\t');
            text(rows, log.host()).append('\t');
            text(rows, log.attributesJson()).append('\t');
            text(rows, PostgresWords.vector(log.message())).append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_LOGS, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /**
     * PostgreSQL text cannot hold NUL, which JSON lets a client send ({@code "\u0000"}): it is kept as U+FFFD, the
     * replacement character, rather than fail the whole batch.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    private static StringBuilder text(StringBuilder rows, String value) {
        if (value == null) {
            return rows.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                case '\t' -> rows.append("\\t");
                case '\0' -> rows.append('\uFFFD');
                default -> rows.append(c);
            }
        }
        return rows;
    }
}
