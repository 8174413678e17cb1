package io.logcentral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.ServerProcess;
import io.logcentral.SqliteOnly;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency answers older than a day are forgotten in steps while ingest never pauses, not only when it idles. */
// SQLite only: old answers are written straight into the SQLite file.
@SqliteOnly
class AnswerCleanupIT {

    private static final int OLD_ANSWERS = 3500;

    @TempDir
    Path temp;

    @Test
    void oldAnswersAreForgottenWhileIngestRunsWithoutPause() throws Exception {
        Path data = temp.resolve("data");
        try (ServerProcess first = ServerProcess.start(data)) {
            assertThat(send(first.api(), "creates the store")).isEqualTo(201);
            first.stop();
        }
        Path file = data.resolve("logcentral.db");
        long twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).toEpochMilli() * 1000;
        try (Connection store = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement insert = store.prepareStatement(
                        "INSERT INTO idempotency_keys"
                                + " (key_hash, created_at, status, first_id, log_count, errors) VALUES (?, ?, 201, 1, 1, '[]')")) {
            for (int i = 0; i < OLD_ANSWERS; i++) {
                insert.setString(1, "old-" + i);
                insert.setLong(2, twoDaysAgo);
                insert.addBatch();
            }
            insert.executeBatch();
        }

        try (ServerProcess again = ServerProcess.start(data)) {
            // Never idle for the writer's one-second wait: a request every few milliseconds.
            Instant end = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(end)) {
                assertThat(send(again.api(), "keeps the writer busy")).isEqualTo(201);
            }
            assertThat(oldAnswers(file)).isZero();
        }
    }

    private static int send(Api api, String message) {
        return api.post("/logs", "{\"service\":\"cleanup\",\"message\":\"" + message + "\"}")
                .token(ServerProcess.TOKEN)
                .json()
                .send()
                .status();
    }

    private static long oldAnswers(Path file) throws Exception {
        try (Connection store = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = store.createStatement();
                ResultSet count =
                        statement.executeQuery("SELECT COUNT(*) FROM idempotency_keys WHERE key_hash LIKE 'old-%'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
