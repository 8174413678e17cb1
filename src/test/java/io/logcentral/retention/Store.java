package io.logcentral.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.TestTokens;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/** What the server shows of its logs, through every way a client reads them, and the store's own checks. */
record Store(Api api, Path databaseFile) {

    static Map<String, Object> log(String service, String severity, Instant timestamp, String message) {
        Map<String, Object> log = new LinkedHashMap<>(Api.log(service, severity, message));
        log.put("timestamp", timestamp.toString());
        return log;
    }

    /** Stores the logs and returns their ids. */
    List<Long> ingest(List<Map<String, Object>> logs) {
        Api.Reply reply = api.post("/logs", Api.write(logs))
                .token(TestTokens.ADMIN)
                .json()
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        reply.json().get("ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    /** How many logs of {@code service} a search finds, with {@code filter} as more query parameters. */
    int found(String service, String filter) {
        Api.Reply reply = api.get(
                        "/logs?limit=1000&service=" + service + "&timestamp_start=2000-01-01T00:00:00Z" + filter)
                .token(TestTokens.ADMIN)
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().size();
    }

    /** The total of {@code service} in the stats, from the counts per minute. */
    long counted(String service, String filter) {
        Api.Reply reply = api.get("/logs/stats?interval=1d&service=" + service
                        + "&timestamp_start=2025-01-01T00:00:00Z&timestamp_end=2026-12-31T00:00:00Z" + filter)
                .token(TestTokens.ADMIN)
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        long total = 0;
        for (JsonNode bucket : reply.json().get("buckets")) {
            total += bucket.get("total").asLong();
        }
        return total;
    }

    /** The count /logs/services gives {@code service}, 0 when it is not listed. */
    long listed(String service) {
        Api.Reply reply = api.get(
                        "/logs/services?timestamp_start=2025-01-01T00:00:00Z&timestamp_end=2026-12-31T00:00:00Z")
                .token(TestTokens.ADMIN)
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode listed : reply.json().get("services")) {
            if (listed.get("name").asString().equalsIgnoreCase(service)) {
                return listed.get("count").asLong();
            }
        }
        return 0;
    }

    int statusOf(long id) {
        return api.get("/logs/" + id).token(TestTokens.ADMIN).send().status();
    }

    /**
     * Every log lies within the time range of its block (the 4096 ids of {@code storage.sqlite.LogBlocks}), and no
     * block is kept without a log.
     */
    void checkBlocks() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
                Statement statement = connection.createStatement()) {
            assertThat(count(
                            statement,
                            "SELECT COUNT(*) FROM logs l LEFT JOIN log_blocks b ON b.block = l.id >> 12"
                                    + " WHERE b.block IS NULL OR l.ts < b.min_ts OR l.ts > b.max_ts"))
                    .as("logs outside their block's range")
                    .isZero();
            assertThat(count(
                            statement,
                            "SELECT COUNT(*) FROM log_blocks b WHERE NOT EXISTS (SELECT 1 FROM logs"
                                    + " WHERE id >= b.block << 12 AND id < (b.block + 1) << 12)"))
                    .as("blocks without logs")
                    .isZero();
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("waiting for " + what).isNegative();
            Thread.sleep(50);
        }
    }
}
