package io.logcentral.storage.sqlite;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.MessageMatcher;
import io.logcentral.storage.Severity;
import io.logcentral.storage.Timestamps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** The SQL that finds logs in SQLite: one WHERE clause built from a {@link LogQuery}, with its parameters. */
final class LogSearchSql {

    static final String COLUMNS =
            "id, ts, received_at, service, severity, message, request_id, trace_id, span_id, host, attributes";

    /** Whether the message is ASCII: as many characters as bytes (UTF-8). */
    private static final String ASCII = "length(message) = length(CAST(message AS BLOB))";

    /** Text that the server's JSON writers (Jackson, PostgreSQL's {@code jsonb}) never escape. */
    private static final Pattern VERBATIM = Pattern.compile("[A-Za-z0-9_.:@-]+");

    /** Text SQLite may give for a number: a whole number is written as it reads, others not always. */
    private static final Pattern NUMBER = Pattern.compile("[-+0-9.eE]+|[-+]?(?i:inf|infinity|nan)");

    /** A whole number as JSON writes it: leading zeros and "-0" are read as other text. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[1-9][0-9]*");

    /** The partial index of one service's logs at one severity from WARNING up (migration V12). */
    private static final String SERVICE_SEVERITY_INDEX = "ix_logs_service_severity_ts";

    private static final Severity SERVICE_SEVERITY_INDEXED_FROM = Severity.WARNING;

    private final StringJoiner where = new StringJoiner(" AND ");
    private final List<Object> params = new ArrayList<>();
    private boolean readById;

    private LogSearchSql() {}

    /** The filters of {@code query}. */
    static LogSearchSql select(LogQuery query) {
        LogSearchSql sql = new LogSearchSql();
        sql.filter(query);
        return sql;
    }

    /**
     * The filters of {@code query} over the logs of {@code ranges} (ascending, apart) only, read by id: the blocks or
     * granules a search picked. Left a choice, SQLite would walk an index of the whole store and test each row.
     */
    static LogSearchSql within(LogQuery query, List<IdRange> ranges) {
        LogSearchSql sql = new LogSearchSql();
        sql.readById = true;
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (IdRange range : ranges) {
            any.add("id BETWEEN ? AND ?");
            sql.params.add(range.first());
            sql.params.add(range.last());
        }
        sql.where.add(any.toString());
        sql.filter(query);
        return sql;
    }

    /** The service and severity filters of {@code query} over the counts of minutes {@code first..end} (excluded). */
    static LogSearchSql minutes(LogQuery query, long first, long end) {
        LogSearchSql sql = new LogSearchSql();
        sql.add("minute >= ?", first);
        sql.add("minute < ?", end);
        sql.kinds(query);
        return sql;
    }

    /** {@link #countsText} from the counts per minute. */
    String minuteCountsText(boolean byService) {
        String service = byService ? ", service" : "";
        return "SELECT (minute * " + LogCounts.MINUTE + " - ?) / ? AS bucket, severity" + service
                + ", SUM(n) AS n FROM log_counts" + whereClause() + " GROUP BY bucket, severity" + service;
    }

    /**
     * {@link #servicesText} from the counts per minute. A GROUP BY would sort every count row of the range by service;
     * this walks the service index of the counts (migration V14) instead: each service found with one seek past the
     * one before, then its range summed. Costs a seek or three for each service ever counted, and reads only the rows
     * in range: a 24 h list at 10 M logs took 18 ms against 41-65 ms. Its parameters: {@link #minuteServicesParams}.
     */
    String minuteServicesText() {
        String inRange = " FROM log_counts WHERE service = named.service AND " + where + ")";
        return "WITH RECURSIVE named(service) AS (SELECT MIN(service) FROM log_counts UNION ALL"
                + " SELECT (SELECT MIN(service) FROM log_counts WHERE service > named.service) FROM named"
                + " WHERE named.service IS NOT NULL)"
                + " SELECT service, n, last_ts FROM (SELECT named.service AS service, (SELECT SUM(n)" + inRange
                + " AS n, (SELECT MAX(last_ts)" + inRange + " AS last_ts FROM named WHERE named.service IS NOT NULL)"
                + " WHERE n IS NOT NULL ORDER BY n DESC LIMIT ?";
    }

    /** The parameters of {@link #minuteServicesText}: the filters once for each sum, then the most rows. */
    Object[] minuteServicesParams(int limit) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(params);
        all.add(limit);
        return all.toArray();
    }

    String text(LogQuery query) {
        String direction = query.ascending() ? "ASC" : "DESC";
        return "SELECT " + COLUMNS + " FROM " + pageSource(query) + " ORDER BY ts " + direction + ", id " + direction
                + " LIMIT ? OFFSET ?";
    }

    /**
     * Where a page reads from. A page of one service at one severity from WARNING up walks their index in page order,
     * so it reads the page's rows only; SQLite, left to choose without statistics, walks the severity's index and
     * reads every service's logs at that severity. Only pages, and only then: a tail ({@link #afterIdText}) reads by id,
     * several severities would make SQLite sort all of a service's logs at them, and a range of receipt times is
     * narrowed best by its blocks' ids ({@link #receivedWithin}). The repeated severity bound is the partial index's
     * own condition, which SQLite must find in the query to use it.
     */
    private String pageSource(LogQuery q) {
        boolean oneServiceAtOneSeverity = !readById
                && q.receivedFrom() == null
                && q.receivedTo() == null
                && q.services() != null
                && q.services().size() == 1
                && q.severities() != null
                && q.severities().size() == 1
                && q.severities().iterator().next().compareTo(SERVICE_SEVERITY_INDEXED_FROM) >= 0;
        if (!oneServiceAtOneSeverity) {
            return table() + whereClause();
        }
        return "logs INDEXED BY " + SERVICE_SEVERITY_INDEX + whereClause() + " AND severity >= "
                + SERVICE_SEVERITY_INDEXED_FROM.ordinal();
    }

    /** Counts per time bucket and severity (and service), buckets numbered from {@code origin} in steps of width. */
    String countsText(boolean byService) {
        String service = byService ? ", service" : "";
        return "SELECT (ts - ?) / ? AS bucket, severity" + service + ", COUNT(*) AS n FROM " + table() + whereClause()
                + " GROUP BY bucket, severity" + service;
    }

    Object[] countsParams(long originMicros, long widthMicros) {
        List<Object> all = new ArrayList<>();
        all.add(originMicros);
        all.add(widthMicros);
        all.addAll(params);
        return all.toArray();
    }

    /** Logs past {@code id} in commit order, for a live tail: a late log with an old timestamp is still new. */
    String afterIdText() {
        return "SELECT " + COLUMNS + " FROM " + table() + " WHERE " + (where.length() == 0 ? "" : where + " AND ")
                + "id > ? ORDER BY id LIMIT ?";
    }

    Object[] afterIdParams(long id, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(id);
        all.add(limit);
        return all.toArray();
    }

    String servicesText() {
        return "SELECT service, COUNT(*) AS n, MAX(ts) AS last_ts FROM " + table() + whereClause()
                + " GROUP BY service ORDER BY n DESC LIMIT ?";
    }

    /** The parameters of {@link #servicesText}: the filters, then the most rows. */
    Object[] servicesParams(int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return all.toArray();
    }

    Object[] params(LogQuery query) {
        List<Object> all = new ArrayList<>(params);
        all.add(query.limit());
        all.add(query.offset());
        return all.toArray();
    }

    /**
     * When the ids are given, those are the logs to read: left a choice, SQLite would walk a service's or a severity's
     * whole index and test each row against them.
     */
    private String table() {
        return readById ? "logs NOT INDEXED" : "logs";
    }

    private String whereClause() {
        return where.length() == 0 ? "" : " WHERE " + where;
    }

    private void filter(LogQuery q) {
        range("ts", q.timestampFrom() == null ? null : Timestamps.toMicros(q.timestampFrom()), ">=");
        range("ts", q.timestampTo() == null ? null : Timestamps.toMicros(q.timestampTo()), "<=");
        receivedWithin(
                q.receivedFrom() == null ? null : Timestamps.toMicros(q.receivedFrom()),
                q.receivedTo() == null ? null : Timestamps.toMicros(q.receivedTo()));
        kinds(q);
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
            // A row value, not "ts < ? OR (ts = ? AND id < ?)": SQLite reads it as a range of the (ts, id) order of
            // each index, so a page a million logs deep starts where the last one ended instead of at the top.
            add(
                    "(ts, id) " + (q.ascending() ? ">" : "<") + " (?, ?)",
                    Timestamps.toMicros(q.after().timestamp()),
                    q.after().id());
        }
        if (q.text() != null) {
            words(q.text());
        }
    }

    /**
     * The search {@code text}, last, so SQLite asks it only of the logs every other filter let through. The match
     * function costs a call into Java for each log, so SQLite's own string functions do what they can first. In ASCII
     * text the words are runs of {@code [a-z0-9]} once lowercased (SQLite's {@code lower} folds exactly ASCII): so a
     * required word is found as it is, which LIKE tests without case, and a query of single words, each whole or a
     * prefix, is answered by GLOB alone. Other text may hold a word with accents or in another script: it always goes
     * to the function.
     */
    private void words(String text) {
        MessageMatcher matcher = MessageMatcher.of(text);
        if (matcher.matchesEverything()) {
            return;
        }
        for (MessageMatcher.Phrase phrase : matcher.required()) {
            for (String word : phrase.words()) {
                add("(message LIKE ? OR NOT " + ASCII + ")", "%" + word + "%");
            }
        }
        if (matcher.onlySingleWords()) {
            StringJoiner globs = new StringJoiner(" AND ");
            List<Object> values = new ArrayList<>();
            for (MessageMatcher.Phrase phrase : matcher.required()) {
                globs.add("(' ' || lower(message) || ' ') GLOB ?");
                values.add("*[^a-z0-9]" + phrase.words().get(0) + (phrase.prefix() ? "*" : "[^a-z0-9]*"));
            }
            values.add(text);
            add(
                    "(CASE WHEN " + ASCII + " THEN " + globs + " ELSE " + MatchFunction.NAME + "(message, ?) END)",
                    values.toArray());
            return;
        }
        add(MatchFunction.NAME + "(message, ?)", text);
    }

    /**
     * An attribute's value, as {@code json_extract} reads it. Parsing each log's JSON costs half of reading a granule,
     * so a value no JSON writer escapes is first looked for as it is in the text: a string holds it verbatim, a whole
     * number in its only decimal form. Left to the parse alone: "0" and "1", which also match {@code false} and
     * {@code true}, and other numbers, which SQLite may print other than as written ({@code 1.50} as 1.5,
     * {@code 1E+999} as Inf).
     */
    private void attribute(String path, String value) {
        boolean verbatim = VERBATIM.matcher(value).matches()
                && (WHOLE_NUMBER.matcher(value).matches()
                        ? !value.equals("1")
                        : !NUMBER.matcher(value).matches());
        if (verbatim) {
            add("instr(attributes, ?) > 0", value);
        }
        add("CAST(json_extract(attributes, ?) AS TEXT) = ?", jsonPath(path), value);
    }

    /**
     * Receipt times {@code from..to} (either may be null), with no index on them (migration V15): the logs are read by
     * id from the first to the last block whose range of receipt times meets them. Receipt times rise with the ids, so
     * those blocks are neighbours; the bounds are subqueries of this statement, so they come from its snapshot.
     */
    private void receivedWithin(Long from, Long to) {
        if (from == null && to == null) {
            return;
        }
        StringJoiner meets = new StringJoiner(" AND ", " FROM log_blocks WHERE ", ")");
        List<Object> bounds = new ArrayList<>();
        if (from != null) {
            meets.add("max_received >= ?");
            bounds.add(from);
        }
        if (to != null) {
            meets.add("min_received <= ?");
            bounds.add(to);
        }
        List<Object> both = new ArrayList<>(bounds);
        both.addAll(bounds);
        add(
                "id BETWEEN (SELECT MIN(block) << " + LogBlocks.BITS + meets + " AND (SELECT ((MAX(block) + 1) << "
                        + LogBlocks.BITS + ") - 1" + meets,
                both.toArray());
        range("received_at", from, ">=");
        range("received_at", to, "<=");
    }

    private void kinds(LogQuery q) {
        if (q.services() != null) {
            in("service", q.services());
        }
        if (q.severities() != null) {
            in("severity", q.severities().stream().map(Severity::ordinal).toList());
        }
    }

    private void range(String column, Object bound, String op) {
        if (bound != null) {
            add(column + " " + op + " ?", bound);
        }
    }

    private void in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            where.add("0");
            return;
        }
        where.add(column + " IN (" + "?,".repeat(values.size() - 1) + "?)");
        params.addAll(values);
    }

    private void add(String condition, Object... values) {
        where.add(condition);
        params.addAll(List.of(values));
    }

    /** {@code a.b} becomes {@code $."a"."b"}: each part quoted, so keys with odd characters stay keys. */
    static String jsonPath(String dotted) {
        StringBuilder path = new StringBuilder("$");
        for (String part : dotted.split("\\.", -1)) {
            path.append(".\"")
                    .append(part.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return path.toString();
    }
}
