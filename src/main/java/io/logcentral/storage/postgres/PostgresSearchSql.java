package io.logcentral.storage.postgres;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.Severity;
import io.logcentral.storage.Timestamps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** The SQL that finds logs in PostgreSQL: one WHERE clause built from a {@link LogQuery}, with its parameters. */
final class PostgresSearchSql {

    static final String COLUMNS =
            "id, ts, received_at, service, severity, message, request_id, trace_id, span_id, host, attributes";

    /** A JSON number as SQLite's json_extract gives it back as text, so {@code attr.n=5} finds {@code "n":5}. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final StringJoiner where = new StringJoiner(" AND ");
    private final List<Object> params = new ArrayList<>();

    private PostgresSearchSql() {}

    static PostgresSearchSql select(LogQuery query) {
        PostgresSearchSql sql = new PostgresSearchSql();
        sql.filter(query);
        return sql;
    }

    /** The service and severity filters of {@code query} over the counts of minutes {@code first..end} (excluded). */
    static PostgresSearchSql minutes(LogQuery query, long first, long end) {
        PostgresSearchSql sql = new PostgresSearchSql();
        sql.add("minute >= ?", first);
        sql.add("minute < ?", end);
        sql.kinds(query);
        return sql;
    }

    String pageText(LogQuery query) {
        String direction = query.ascending() ? "ASC" : "DESC";
        return "SELECT " + COLUMNS + " FROM logs" + whereClause() + " ORDER BY ts " + direction + ", id " + direction
                + " LIMIT ? OFFSET ?";
    }

    Object[] pageParams(LogQuery query) {
        return with(query.limit(), query.offset());
    }

    /** Logs past {@code id} in commit order, for a live tail: a late log with an old timestamp is still new. */
    String afterIdText() {
        return "SELECT " + COLUMNS + " FROM logs WHERE " + (where.length() == 0 ? "" : where + " AND ")
                + "id > ? ORDER BY id LIMIT ?";
    }

    Object[] afterIdParams(long id, int limit) {
        return with(id, limit);
    }

    /** Counts per time bucket and severity (and service), buckets numbered from {@code origin} in steps of width. */
    String countsText(boolean byService) {
        return "SELECT (ts - ?) / ? AS bucket, severity" + (byService ? ", MIN(service) AS service" : "")
                + ", COUNT(*) AS n FROM logs" + whereClause() + " GROUP BY bucket, severity"
                + (byService ? ", lower(service)" : "");
    }

    /** {@link #countsText} from the counts per minute. */
    String minuteCountsText(boolean byService) {
        return "SELECT (minute * " + PostgresCounts.MINUTE + " - ?) / ? AS bucket, severity"
                + (byService ? ", MIN(service) AS service" : "") + ", SUM(n) AS n FROM log_counts" + whereClause()
                + " GROUP BY bucket, severity" + (byService ? ", lower(service)" : "");
    }

    Object[] countsParams(long originMicros, long widthMicros) {
        List<Object> all = new ArrayList<>();
        all.add(originMicros);
        all.add(widthMicros);
        all.addAll(params);
        return all.toArray();
    }

    String servicesText() {
        return "SELECT MIN(service) AS service, COUNT(*) AS n, MAX(ts) AS last_ts FROM logs" + whereClause()
                + " GROUP BY lower(service) ORDER BY n DESC, 1 LIMIT ?";
    }

    /** {@link #servicesText} from the counts per minute. */
    String minuteServicesText() {
        return "SELECT MIN(service) AS service, SUM(n) AS n, MAX(last_ts) AS last_ts FROM log_counts" + whereClause()
                + " GROUP BY lower(service) ORDER BY n DESC, 1 LIMIT ?";
    }

    Object[] servicesParams(int limit) {
        return with(limit);
    }

    private Object[] with(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all.toArray();
    }

    private String whereClause() {
        return where.length() == 0 ? "" : " WHERE " + where;
    }

    private void filter(LogQuery q) {
        range("ts >= ?", q.timestampFrom() == null ? null : Timestamps.toMicros(q.timestampFrom()));
        range("ts <= ?", q.timestampTo() == null ? null : Timestamps.toMicros(q.timestampTo()));
        range("received_at >= ?", q.receivedFrom() == null ? null : Timestamps.toMicros(q.receivedFrom()));
        range("received_at <= ?", q.receivedTo() == null ? null : Timestamps.toMicros(q.receivedTo()));
        kinds(q);
        if (q.text() != null) {
            fullText(PostgresWords.search(q.text()));
        }
        if (q.requestId() != null) {
            add("request_id = ?", q.requestId());
        }
        if (q.traceId() != null) {
            add("trace_id = ?", q.traceId());
        }
        for (Map.Entry<String, String> attribute : q.attributes().entrySet()) {
            attribute(attribute.getKey(), attribute.getValue());
        }
        if (q.after() != null) {
            String op = q.ascending() ? ">" : "<";
            add(
                    "(ts, id) " + op + " (?, ?)",
                    Timestamps.toMicros(q.after().timestamp()),
                    q.after().id());
        }
    }

    private void kinds(LogQuery q) {
        if (q.services() != null) {
            in("lower(service)", "lower(?)", q.services());
        }
        if (q.severities() != null) {
            in("severity", "?", q.severities().stream().map(Severity::ordinal).toList());
        }
    }

    private void fullText(PostgresWords.Search search) {
        if (search.tsquery() != null) {
            add("words @@ ?::tsquery", search.tsquery());
        }
        for (String substring : search.substrings()) {
            add("strpos(message, ?) > 0", substring);
        }
        for (String substring : search.absentSubstrings()) {
            add("strpos(message, ?) = 0", substring);
        }
    }

    /**
     * The value at a dotted path, compared as text as SQLite's json_extract does. The containment finds candidates
     * through the GIN index (as a string, and as a number when the text is one); the path comparison decides.
     */
    private void attribute(String dotted, String value) {
        String[] path = dotted.split("\\.", -1);
        StringBuilder containment = new StringBuilder("(");
        List<Object> values = new ArrayList<>();
        containment.append(contains(path, "to_jsonb(?::text)", values, value));
        if (JSON_NUMBER.matcher(value).matches()) {
            containment.append(" OR ").append(contains(path, "to_jsonb(?::numeric)", values, value));
        }
        containment.append(')');
        add(containment + " AND logcentral_attributes(attributes) #>> string_to_array(?, '.') = ?", values.toArray());
        params.add(storable(dotted));
        params.add(storable(value));
    }

    private static String contains(String[] path, String leaf, List<Object> values, String value) {
        StringBuilder json = new StringBuilder(leaf);
        for (int i = path.length - 1; i >= 0; i--) {
            json.insert(0, "jsonb_build_object(?::text, ").append(')');
        }
        values.addAll(List.of((Object[]) path));
        values.add(value);
        return "logcentral_attributes(attributes) @> " + json;
    }

    private void range(String condition, Object bound) {
        if (bound != null) {
            add(condition, bound);
        }
    }

    private void in(String column, String placeholder, Collection<?> values) {
        if (values.isEmpty()) {
            where.add("false");
            return;
        }
        StringJoiner list = new StringJoiner(", ", column + " IN (", ")");
        values.forEach(v -> list.add(placeholder));
        where.add(list.toString());
        values.forEach(v -> params.add(storable(v)));
    }

    private void add(String condition, Object... values) {
        where.add(condition);
        for (Object value : values) {
            params.add(storable(value));
        }
    }

    /** A filter compares with what was stored, where a NUL the client sent became U+FFFD. */
    private static Object storable(Object value) {
        return value instanceof String text ? PostgresCopy.storable(text) : value;
    }
}
