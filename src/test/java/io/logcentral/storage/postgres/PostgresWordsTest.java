package io.logcentral.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.PostgresOnly;
import io.logcentral.TestDatabases;
import io.logcentral.storage.MessageMatcher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code q} finds on PostgreSQL exactly the messages that {@link MessageMatcher} (the words of SQLite's FTS5 index)
 * says it matches: the tsvector and tsquery literals, run by a real PostgreSQL, against the matcher in memory.
 */
@PostgresOnly
class PostgresWordsTest {

    private static final List<String> MESSAGES = List.of(
            "Payment declined for user 42",
            "payment DECLINED: card expired",
            "Café au lait served at naïve résumé desk",
            "GET https://example.com/api/v1/users?id=7 -> 500",
            "connection reset by peer (errno=104)",
            "user_id=abc-123 logged in from 10.0.0.1",
            "Ошибка подключения к базе данных",
            "数据库连接失败 retrying",
            "disk 95% full on /var/lib/logs",
            "timeout after 30s; retrying in 5s",
            "payments-service started in 1.234s",
            "the quick brown fox jumps over the lazy dog",
            "fox quick brown",
            "emoji 🚀 launched rocket",
            "tab\tseparated\tfields and \"quoted words\"",
            "O'Reilly's book isn't here",
            "");

    private static String url;
    private static Connection connection;

    @BeforeAll
    static void storeTheMessages() throws Exception {
        url = TestDatabases.create();
        connection = DriverManager.getConnection(url, "postgres", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (message text, words tsvector)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?::tsvector)")) {
            for (String message : MESSAGES) {
                insert.setString(1, message);
                insert.setString(2, PostgresWords.vector(message));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterAll
    static void dropTheDatabase() throws Exception {
        connection.close();
        TestDatabases.drop(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "payment",
                "PAYMENT declined",
                "pay*",
                "payment*",
                "\"payment declined\"",
                "\"declined payment\"",
                "\"quick brown\"",
                "\"brown fox\" -lazy",
                "-lazy fox",
                "-fox",
                "cafe",
                "NAIVE resume",
                "example.com",
                "api/v1",
                "-> 500",
                "errno=104",
                "abc-123",
                "user_id",
                "10.0.0.1",
                "ошибка",
                "数据库连接失败",
                "95%",
                "%",
                "30s",
                "1.234s",
                "payments-serv*",
                "\"quoted words\"",
                "isn't",
                "o'reilly*",
                "🚀",
                "OR AND NOT",
                "\"unclosed phrase",
                "-\"card expired\"",
                "fox -\"lazy dog\" quick*"
            })
    void searchFindsWhatTheMatcherMatches(String q) throws Exception {
        PostgresWords.Search search = PostgresWords.search(q);
        StringBuilder sql = new StringBuilder("SELECT message FROM t WHERE true");
        List<String> params = new ArrayList<>();
        if (search.tsquery() != null) {
            sql.append(" AND words @@ ?::tsquery");
            params.add(search.tsquery());
        }
        search.substrings().forEach(s -> {
            sql.append(" AND strpos(message, ?) > 0");
            params.add(s);
        });
        search.absentSubstrings().forEach(s -> {
            sql.append(" AND strpos(message, ?) = 0");
            params.add(s);
        });
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                query.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }

        MessageMatcher matcher = MessageMatcher.of(q);
        assertThat(found)
                .as("q=%s tsquery=%s", q, search.tsquery())
                .containsExactlyInAnyOrderElementsOf(
                        MESSAGES.stream().filter(matcher::matches).toList());
    }
}
