package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.MessageMatcher;
import io.logcentral.storage.Words;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
        List<String> column = new ArrayList<>();
        try (PreparedStatement select = sqlite.prepareStatement(sql)) {
            for (int p = 0; p < params.size(); p++) {
                select.setObject(p + 1, params.get(p));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    column.add(rows.getString(1));
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
