package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.MessageMatcher;
import io.logcentral.storage.Severity;
import io.logcentral.storage.Words;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class LogSearchSqlTest {

    private static final String[] VOCABULARY = {
        "GET", "/api/orders", "timeout", "Café", "cafe", "naïve", "user=alice", "ß", "ДБ", "東京", "x-request-id:", "->",
        "50%", "retry", "Connection", "reset", "by", "peer", "ÉCHEC", "echec", "db-1", "payment", "Payments", "pay"
    };

    private final long seed = Long.getLong("sql.seed", System.nanoTime());
    private final Random random = new Random(seed);

    @Test
    void theSearchSqlFindsExactlyTheMessagesTheMatcherMatchesInAsciiAndOtherText() throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            MatchFunction.register(sqlite);
            List<String> messages = new ArrayList<>();
            for (int id = 0; id < 400; id++) {
                messages.add(message());
            }
            logs(sqlite, "message", messages);
            for (int i = 0; i < 300; i++) {
                String q = query(messages.get(random.nextInt(messages.size())));
                LogQuery query =
                        new LogQuery(null, null, null, null, null, null, q, null, null, Map.of(), null, true, 1000, 0);
                List<String> found = ids(sqlite, query);
                MessageMatcher matcher = MessageMatcher.of(q);
                List<String> expected = new ArrayList<>();
                for (int id = 0; id < messages.size(); id++) {
                    if (matcher.matches(messages.get(id))) {
                        expected.add(Integer.toString(id));
                    }
                }
                assertThat(found).as("seed %d: q=%s", seed, q).isEqualTo(expected);
            }
        }
    }

    @Test
    void anAttributeLookupFindsEveryLogWhoseValueSqliteReadsAsTheOneAskedFor() throws SQLException {
        // Values as the server's JSON writer stores them, numbers included as clients may send them.
        List<String> attributes = List.of(
                "{\"x\":\"user-7\"}",
                "{\"x\":\"42\"}",
                "{\"x\":42}",
                "{\"x\":-42}",
                "{\"x\":true}",
                "{\"x\":false}",
                "{\"x\":0}",
                "{\"x\":1.50}",
                "{\"x\":15E-1}",
                "{\"x\":1E+20}",
                "{\"x\":99999999999999999999}",
                "{\"x\":1E+999}",
                "{\"x\":null}",
                "{\"x\":\"a\\\"b\"}",
                "{\"x\":\"café\"}",
                "{\"x\":{\"y\":\"user-7\"}}",
                "{\"y\":\"user-7\"}",
                "{\"x\":\"user-7.x@host:1\"}");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            logs(sqlite, "attributes", attributes);
            List<String> values = new ArrayList<>(List.of("1", "0"));
            values.addAll(column(
                    sqlite,
                    "SELECT CAST(json_extract(attributes, '$.x') AS TEXT) FROM logs"
                            + " WHERE json_extract(attributes, '$.x') IS NOT NULL",
                    List.of()));
            for (String value : values) {
                LogQuery query = new LogQuery(
                        null, null, null, null, null, null, null, null, null, Map.of("x", value), null, true, 1000, 0);
                List<String> found = ids(sqlite, query);
                List<String> expected = column(
                        sqlite,
                        "SELECT id FROM logs WHERE CAST(json_extract(attributes, '$.x') AS TEXT) = ? ORDER BY id",
                        List.of(value));
                assertThat(found).as("attr.x=%s", value).isEqualTo(expected);
                assertThat(found).as("attr.x=%s", value).isNotEmpty();
            }
        }
    }

    @Test
    void aPageOfOneServiceAtOneSeverityFromWarningUpWalksTheirIndexAndFindsWhatItsFiltersSay(@TempDir Path dir)
            throws SQLException {
        SQLiteDataSource store = migratedStore(dir);
        List<String> services = List.of("api", "payments", "auth");
        List<Row> rows = new ArrayList<>();
        try (Connection sqlite = store.getConnection()) {
            try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO logs (id, ts, received_at, service,"
                    + " severity, message) VALUES (?, ?, ?, ?, ?, 'm')")) {
                for (int id = 1; id <= 600; id++) {
                    // Timestamps out of id order and repeated: the page order is (ts, id), not the ids'.
                    Row row = new Row(
                            id,
                            random.nextInt(200),
                            services.get(random.nextInt(services.size())),
                            Severity.values()[random.nextInt(Severity.values().length)]);
                    rows.add(row);
                    insert.setLong(1, row.id());
                    insert.setLong(2, row.ts());
                    insert.setLong(3, row.ts());
                    insert.setString(
                            4,
                            random.nextBoolean() ? row.service() : row.service().toUpperCase(Locale.ROOT));
                    insert.setInt(5, row.severity().ordinal());
                    insert.executeUpdate();
                }
            }
            Row cursor = new Row(300, 100, "payments", null);
            for (Severity severity : Severity.values()) {
                for (boolean ascending : new boolean[] {false, true}) {
                    Comparator<Row> order = Comparator.comparingLong(Row::ts).thenComparingLong(Row::id);
                    Comparator<Row> pageOrder = ascending ? order : order.reversed();
                    List<Row> all = rows.stream()
                            .filter(r -> r.service().equals("payments") && r.severity() == severity)
                            .sorted(pageOrder)
                            .toList();
                    LogQuery ranged = page(Set.of(severity), ascending, 10, 180, null);
                    LogQuery next = page(Set.of(severity), ascending, null, null, cursor.position());
                    List<Row> inRange = all.stream()
                            .filter(r -> r.ts() >= 10 && r.ts() <= 180)
                            .toList();
                    List<Row> past = all.stream()
                            .filter(r -> pageOrder.compare(r, cursor) > 0)
                            .toList();
                    assertThat(ids(sqlite, ranged))
                            .as("seed %d: %s", seed, ranged)
                            .isEqualTo(firstIds(inRange));
                    assertThat(ids(sqlite, next)).as("seed %d: %s", seed, next).isEqualTo(firstIds(past));
                    for (LogQuery query : List.of(ranged, next)) {
                        if (severity.compareTo(Severity.WARNING) >= 0) {
                            assertThat(plan(sqlite, query))
                                    .contains("ix_logs_service_severity_ts")
                                    .doesNotContain("TEMP B-TREE");
                        } else {
                            assertThat(plan(sqlite, query)).doesNotContain("ix_logs_service_severity_ts");
                        }
                    }
                }
            }
            // Several severities would make SQLite sort all of the service's logs at them to walk the index.
            LogQuery several = page(Set.of(Severity.ERROR, Severity.CRITICAL), false, null, null, null);
            assertThat(plan(sqlite, several)).doesNotContain("ix_logs_service_severity_ts");
        }
    }

    @Test
    void theServicesOfARangeOfMinutesAreThoseItsCountsHoldSummedAndFoundThroughTheServiceIndex(@TempDir Path dir)
            throws SQLException {
        SQLiteDataSource store = migratedStore(dir);
        List<String> services = List.of("api", "payments", "auth", "search", "old");
        List<long[]> counts = new ArrayList<>();
        try (Connection sqlite = store.getConnection();
                PreparedStatement insert = sqlite.prepareStatement(
                        "INSERT INTO log_counts (minute, service, severity, n, last_ts) VALUES (?, ?, ?, ?, ?)")) {
            for (int minute = 0; minute < 300; minute++) {
                for (int service = 0; service < services.size(); service++) {
                    for (Severity severity : Severity.values()) {
                        // "old" has counts in the first minutes only: it exists, but not in most ranges.
                        if (random.nextInt(3) != 0 || (service == 4 && minute >= 10)) {
                            continue;
                        }
                        long[] row = {
                            minute,
                            service,
                            severity.ordinal(),
                            1 + random.nextInt(50),
                            minute * 60L + random.nextInt(60)
                        };
                        counts.add(row);
                        insert.setLong(1, row[0]);
                        String name = services.get(service);
                        // Spelled in either case: the counts compare services without case, as the logs do.
                        insert.setString(2, random.nextBoolean() ? name : name.toUpperCase(Locale.ROOT));
                        insert.setLong(3, row[2]);
                        insert.setLong(4, row[3]);
                        insert.setLong(5, row[4]);
                        insert.executeUpdate();
                    }
                }
            }
            for (int round = 0; round < 40; round++) {
                long first = random.nextInt(300);
                long end = first + 1 + random.nextInt(310 - (int) first);
                List<String> asked = random.nextBoolean()
                        ? null
                        : List.of(
                                services.get(random.nextInt(5)).toUpperCase(Locale.ROOT),
                                services.get(random.nextInt(5)));
                Set<Severity> severities = random.nextBoolean()
                        ? null
                        : EnumSet.of(Severity.values()[random.nextInt(6)], Severity.values()[random.nextInt(6)]);
                Map<String, List<Long>> expected = new TreeMap<>();
                for (long[] row : counts) {
                    String service = services.get((int) row[1]);
                    if (row[0] >= first
                            && row[0] < end
                            && (asked == null || asked.stream().anyMatch(service::equalsIgnoreCase))
                            && (severities == null || severities.contains(Severity.values()[(int) row[2]]))) {
                        List<Long> sum = expected.computeIfAbsent(service, s -> new ArrayList<>(List.of(0L, 0L)));
                        sum.set(0, sum.get(0) + row[3]);
                        sum.set(1, Math.max(sum.get(1), row[4]));
                    }
                }
                LogQuery query = new LogQuery(
                        null, null, null, null, asked, severities, null, null, null, Map.of(), null, false, 25, 0);
                LogSearchSql sql = LogSearchSql.minutes(query, first, end);
                Map<String, List<Long>> found = new TreeMap<>();
                List<Long> sums = new ArrayList<>();
                try (PreparedStatement select = sqlite.prepareStatement(sql.minuteServicesText())) {
                    Object[] params = sql.minuteServicesParams(100);
                    for (int p = 0; p < params.length; p++) {
                        select.setObject(p + 1, params[p]);
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.put(
                                    rows.getString(1).toLowerCase(Locale.ROOT),
                                    List.of(rows.getLong(2), rows.getLong(3)));
                            sums.add(rows.getLong(2));
                        }
                    }
                }
                String what = String.format("seed %d: minutes %d..%d, %s, %s", seed, first, end, asked, severities);
                assertThat(found).as(what).isEqualTo(expected);
                assertThat(sums).as(what).isSortedAccordingTo(Comparator.reverseOrder());
                String plan = String.join(
                        "\n",
                        column(
                                sqlite,
                                "EXPLAIN QUERY PLAN " + sql.minuteServicesText(),
                                List.of(sql.minuteServicesParams(100)),
                                4));
                assertThat(plan)
                        .as(what)
                        .contains("ix_log_counts_service_minute (service=? AND minute>? AND minute<?)")
                        .doesNotContain("SCAN log_counts");
            }
        }
    }

    /** A log of {@link #aPageOfOneServiceAtOneSeverityFromWarningUpWalksTheirIndexAndFindsWhatItsFiltersSay}. */
    private record Row(long id, long ts, String service, Severity severity) {

        LogQuery.Position position() {
            return new LogQuery.Position(instant(ts), id);
        }
    }

    /** A page of service "payments" (asked in another case than stored) at {@code severities}, 25 logs. */
    private static LogQuery page(
            Set<Severity> severities, boolean ascending, Integer from, Integer to, LogQuery.Position after) {
        return new LogQuery(
                from == null ? null : instant(from),
                to == null ? null : instant(to),
                null,
                null,
                List.of("Payments"),
                severities,
                null,
                null,
                null,
                Map.of(),
                after,
                ascending,
                25,
                0);
    }

    /** A store file in {@code dir} with the schema the server's own migrations make. */
    private static SQLiteDataSource migratedStore(Path dir) {
        SQLiteDataSource store = new SQLiteDataSource();
        store.setUrl("jdbc:sqlite:" + dir.resolve("logcentral.db"));
        Flyway.configure()
                .dataSource(store)
                .locations("classpath:db/migration/sqlite")
                .load()
                .migrate();
        return store;
    }

    /** The instant the store keeps as {@code micros}. */
    private static Instant instant(long micros) {
        return Instant.EPOCH.plusNanos(micros * 1000);
    }

    private static List<String> firstIds(List<Row> rows) {
        return rows.stream().limit(25).map(r -> Long.toString(r.id())).toList();
    }

    private static String plan(Connection sqlite, LogQuery query) throws SQLException {
        LogSearchSql sql = LogSearchSql.select(query);
        return String.join(
                "\n", column(sqlite, "EXPLAIN QUERY PLAN " + sql.text(query), List.of(sql.params(query)), 4));
    }

    /** A table of logs as the store has it, one per value, ids from 0, each value in {@code column}. */
    private static void logs(Connection sqlite, String column, List<String> values) throws SQLException {
        try (Statement create = sqlite.createStatement()) {
            create.execute("CREATE TABLE logs (id INTEGER PRIMARY KEY, ts INTEGER, received_at INTEGER,"
                    + " service TEXT, severity INTEGER, message TEXT, request_id TEXT, trace_id TEXT,"
                    + " span_id TEXT, host TEXT, attributes TEXT)");
        }
        try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO logs (id, ts, received_at, service,"
                + " severity, " + column + ") VALUES (?, ?, ?, 's', 2, ?)")) {
            for (int id = 0; id < values.size(); id++) {
                insert.setInt(1, id);
                insert.setInt(2, id);
                insert.setInt(3, id);
                insert.setString(4, values.get(id));
                insert.executeUpdate();
            }
        }
    }

    /** The ids of the logs {@link LogSearchSql#select} finds for {@code query}, in its order. */
    private static List<String> ids(Connection sqlite, LogQuery query) throws SQLException {
        LogSearchSql sql = LogSearchSql.select(query);
        return column(
                sqlite,
                sql.text(query).replace("SELECT " + LogSearchSql.COLUMNS, "SELECT id"),
                List.of(sql.params(query)));
    }

    private static List<String> column(Connection sqlite, String sql, List<Object> params) throws SQLException {
        return column(sqlite, sql, params, 1);
    }

    /** Column {@code index} of every row {@code sql} reads with {@code params}. */
    private static List<String> column(Connection sqlite, String sql, List<Object> params, int index)
            throws SQLException {
        List<String> column = new ArrayList<>();
        try (PreparedStatement select = sqlite.prepareStatement(sql)) {
            for (int p = 0; p < params.size(); p++) {
                select.setObject(p + 1, params.get(p));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    column.add(rows.getString(index));
                }
            }
        }
        return column;
    }

    /** One or two words of a message, whole, as a prefix, shouted, as a phrase, excluded; or a symbol. */
    private String query(String message) {
        List<String> words = Words.of(message);
        String word = words.isEmpty() ? "timeout" : words.get(random.nextInt(words.size()));
        String other = VOCABULARY[random.nextInt(VOCABULARY.length)];
        return switch (random.nextInt(7)) {
            case 0 -> word;
            case 1 -> word.substring(0, 1 + random.nextInt(word.length())) + "*";
            case 2 -> word.toUpperCase(Locale.ROOT) + " " + other;
            case 3 -> "\"" + String.join(" ", words.subList(0, Math.min(2, words.size()))) + "\"";
            case 4 -> word + " -" + other;
            case 5 -> other + "*";
            default -> random.nextBoolean() ? "->" : word + " 50%";
        };
    }

    private String message() {
        StringBuilder message = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            message.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
            message.append(random.nextInt(4) == 0 ? ", " : " ");
        }
        return message.toString();
    }
}
