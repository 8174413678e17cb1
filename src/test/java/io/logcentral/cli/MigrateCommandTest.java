package io.logcentral.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logcentral.Api;
import io.logcentral.LogcentralApplication;
import io.logcentral.SqliteOnly;
import io.logcentral.TestDatabases;
import io.logcentral.TestTokens;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code migrate}: a SQLite store made by the real server (logs of many days, unicode, NUL, tokens, rules, a pending
 * notification) moved into a fresh PostgreSQL database, then read back through a real server started on it.
 *
 * <p>SQLite only: the source is always a SQLite store and the target always a PostgreSQL database of its own (the
 * SQLite pass of CI has PostgreSQL running too), so the PostgreSQL pass would only run the same thing twice.
 */
@SqliteOnly
class MigrateCommandTest {

    private static final Pattern NEXT = Pattern.compile("<http://[^/]+(/[^>]+)>; rel=\"next\"");
    private static final String ALL_LOGS = "/logs?timestamp_start=1970-01-01&order=asc&limit=1000";
    private static final int LOGS = 3000;
    private static final String IDEMPOTENT_BODY = "[{\"service\":\"once\",\"message\":\"sent once\"}]";
    /** Admin answers compared between the two servers, as the source gave them before the move. */
    private static final List<String> ADMIN_PAGES =
            List.of("/admin/tokens", "/admin/alerts", "/admin/channels", "/admin/retention", "/admin/audit?limit=1000");

    @TempDir
    static Path sourceDir;

    static Map<String, JsonNode> before = new LinkedHashMap<>();
    static List<JsonNode> logsBefore;
    static String managedToken;
    static long lastId;
    static String stats;

    @BeforeAll
    static void makeSourceStore() {
        try (ConfigurableApplicationContext server = server("logcentral.data-dir=" + sourceDir)) {
            Api api = api(server);
            managedToken = created(api.post("/admin/tokens", "{\"name\":\"shipper\",\"scopes\":[\"ingest\",\"read\"]}"))
                    .get("token")
                    .asString();
            created(api.post(
                    "/admin/channels", "{\"name\":\"hook\",\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/h\"}"));
            created(api.post(
                    "/admin/alerts",
                    "{\"name\":\"crit-to-hook\",\"min_severity\":\"CRITICAL\",\"channels\":[\"hook\"]}"));
            assertThat(admin(api.request("PUT", "/admin/retention")
                                    .body("{\"rules\":[{\"service\":\"checkout\",\"max_age\":\"3650d\"}]}"
                                            .getBytes(StandardCharsets.UTF_8)))
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/create_user", "{\"user\":\"bot\",\"password\":\"pw\",\"tel_id\":\"7\"}")
                            .header("X-Api-Key", TestTokens.ADMIN)
                            .json()
                            .send()
                            .status())
                    .isEqualTo(200);
            sendLogs(api);
            created(admin(api.post("/logs", IDEMPOTENT_BODY).header("Idempotency-Key", "batch-1")));
            awaitPendingNotification(api);
            logsBefore = allLogs(api);
            lastId = logsBefore.stream()
                    .mapToLong(log -> log.get("id").asLong())
                    .max()
                    .orElseThrow();
            for (String page : ADMIN_PAGES) {
                before.put(page, admin(api.get(page)).json());
            }
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
            stats = "/logs/stats?interval=1h&timestamp_start=" + hour.minus(Duration.ofDays(3)) + "&timestamp_end="
                    + hour.plus(Duration.ofHours(1));
            before.put("stats", admin(api.get(stats)).json());
            before.put(
                    "services",
                    admin(api.get("/logs/services?timestamp_start=1970-01-01")).json());
            before.put("search", admin(api.get(ALL_LOGS + "&q=payment")).json());
        }
    }

    @Test
    void migrateRoundTripMovesEveryLogAndTheDomainVerifiedByCountsAndSpotChecks() {
        String target = TestDatabases.create();

        CliRun run = migrate(target, "--batch", "700");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("moved " + String.format("%,d", logsBefore.size()) + " logs")
                .contains("1,000 logs drawn at random compared field by field: equal")
                .contains("verified:")
                .doesNotContain("WRONG");
        try (ConfigurableApplicationContext server = server(
                "logcentral.data-dir=" + sourceDir.resolveSibling(sourceDir.getFileName() + "-pg"),
                "spring.datasource.url=" + target,
                "spring.datasource.username=postgres")) {
            Api api = api(server);
            assertThat(allLogs(api)).isEqualTo(asPostgresKeepsThem(logsBefore));
            for (String page : ADMIN_PAGES) {
                assertThat(admin(api.get(page)).json()).as(page).isEqualTo(before.get(page));
            }
            assertThat(admin(api.get(stats)).json()).isEqualTo(before.get("stats"));
            assertThat(admin(api.get("/logs/services?timestamp_start=1970-01-01"))
                            .json()
                            .get("services"))
                    .isEqualTo(before.get("services").get("services"));
            assertThat(admin(api.get(ALL_LOGS + "&q=payment")).json()).isEqualTo(before.get("search"));
            JsonNode pending = admin(api.get("/admin/notifications")).json();
            assertThat(pending).isNotEmpty();
            assertThat(pending.get(0).get("status").asString()).isEqualTo("pending");

            Api.Reply replayed = admin(api.post("/logs", IDEMPOTENT_BODY).header("Idempotency-Key", "batch-1"));
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            Api.Reply next = api.post("/logs", "{\"service\":\"after\",\"message\":\"first on postgres\"}")
                    .token(managedToken)
                    .json()
                    .send();
            assertThat(next.status()).as(next.toString()).isEqualTo(201);
            assertThat(next.json().get("ids").get(0).asLong()).isEqualTo(lastId + 1);
            assertThat(api.post("/send_logs", "{\"data\":{\"user\":\"bot\",\"logs\":[{\"level\":40,\"msg\":\"m\"}]}}")
                            .header("X-User-Token", md5("botpw"))
                            .json()
                            .send()
                            .status())
                    .isEqualTo(200);
        } finally {
            TestDatabases.drop(target);
        }
    }

    @Test
    void migrateStoppedMidwayGoesOnAndHoldsEveryLogExactlyOnce() throws SQLException {
        String target = TestDatabases.create();
        try {
            migrateStoppingAt(target, 7);

            assertThat(idsOn(target)).hasSize(600);

            CliRun resumed = migrate(target, "--batch", "100");

            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out()).contains("going on after log").contains("verified:");
            List<Long> ids = idsOn(target);
            assertThat(ids).doesNotHaveDuplicates().hasSize(logsBefore.size());
            assertThat(ids)
                    .containsExactlyElementsOf(logsBefore.stream()
                            .map(log -> log.get("id").asLong())
                            .sorted()
                            .toList());

            CliRun again = migrate(target);

            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("already migrated").contains("verified:");
            assertThat(idsOn(target)).hasSize(logsBefore.size());
        } finally {
            TestDatabases.drop(target);
        }
    }

    @Test
    void migrateRefusesATargetThatAServerAlreadyWroteTo() {
        String target = TestDatabases.create();
        try {
            try (ConfigurableApplicationContext server = server(
                    "logcentral.data-dir=" + sourceDir.resolveSibling(sourceDir.getFileName() + "-other"),
                    "spring.datasource.url=" + target,
                    "spring.datasource.username=postgres")) {
                created(admin(
                        api(server).post("/logs", "[{\"service\":\"other\",\"message\":\"not from the store\"}]")));
            }

            CliRun run = migrate(target);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip())
                    .doesNotContain("\n")
                    .contains("is not a copy of this store: its log 1 differs from this store's");
        } finally {
            TestDatabases.drop(target);
        }
    }

    @Test
    void migrateRefusesWhatIsNotAStoreOrNotPostgresqlInOneLine() throws Exception {
        Path text = Files.writeString(sourceDir.resolveSibling(sourceDir.getFileName() + ".txt"), "hello");
        String store = sourceDir.toString();

        assertRefused(
                CliRun.of("migrate", "--from", "/nonexistent/store", "--to", "jdbc:postgresql://x/y"),
                "no readable SQLite store at /nonexistent/store");
        assertRefused(
                CliRun.of("migrate", "--from", text.toString(), "--to", "jdbc:postgresql://x/y"),
                "is not a SQLite database");
        assertRefused(
                CliRun.of("migrate", "--from", store, "--to", "jdbc:mysql://127.0.0.1/logs"),
                "--to must be a PostgreSQL JDBC URL");
        assertRefused(
                CliRun.of("migrate", "--from", store, "--to", "jdbc:postgresql://127.0.0.1:1/logs"),
                "--to: cannot reach jdbc:postgresql://127.0.0.1:1/logs");
        assertThat(CliRun.of("migrate", "--to", "jdbc:postgresql://x/y").exitCode())
                .isEqualTo(2);
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("logcentral migrate: ").contains(message);
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    private static CliRun migrate(String target, String... options) {
        List<String> args = new ArrayList<>(
                List.of("migrate", "--from", sourceDir.toString(), "--to", target, "--progress", "none"));
        args.addAll(List.of(options));
        return CliRun.withEnv(Map.of("SPRING_DATASOURCE_USERNAME", "postgres"), args.toArray(String[]::new));
    }

    /** A run whose batch {@code batch} fails after its COPY, before its COMMIT, as a run killed there would. */
    private static void migrateStoppingAt(String target, int batch) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        MigrateCommand command = new MigrateCommand(quiet, quiet, number -> {
            if (number == batch) {
                throw new IllegalStateException("stopped before the commit of batch " + number);
            }
        });
        Arguments args = Arguments.parse(
                "migrate",
                List.of("--from", sourceDir.toString(), "--to", target, "--batch", "100", "--progress", "none"),
                MigrateCommand.OPTIONS,
                Set.of());
        assertThatThrownBy(() -> command.run(args, Map.of("SPRING_DATASOURCE_USERNAME", "postgres")))
                .hasMessageContaining("stopped before the commit of batch " + batch);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> idsOn(String target) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(target, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id FROM logs ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Logs over 400 days, microseconds, unicode, NUL, text that COPY must escape, ids and attributes. */
    private static void sendLogs(Api api) {
        Random random = new Random(16);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long[] daysBack = {0, 0, 0, 1, 2, 5, 40, 400};
        String[] services = {"checkout", "payments", "søk-日本", "checkout"};
        String[] severities = {"DEBUG", "INFO", "INFO", "WARNING", "ERROR", "CRITICAL"};
        String[] messages = {
            "payment accepted for order %d",
            "żółć 🚀 naïve café %d",
            "tab\there, newline\nthere, backslash \\ and \\N %d",
            "nul\u0000inside %d",
            "payment timeout after %d ms"
        };
        for (int sent = 0; sent < LOGS; sent += 500) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = sent; i < sent + 500; i++) {
                Map<String, Object> log = new LinkedHashMap<>();
                Instant ts = now.minus(Duration.ofDays(daysBack[random.nextInt(daysBack.length)]))
                        .minusSeconds(random.nextInt(3600))
                        .plusNanos(random.nextInt(1_000_000) * 1000L);
                log.put("timestamp", ts.toString());
                log.put("service", services[random.nextInt(services.length)]);
                log.put("severity", severities[random.nextInt(severities.length)]);
                log.put("message", String.format(messages[random.nextInt(messages.length)], i));
                if (random.nextBoolean()) {
                    log.put("request_id", "req-" + i);
                    log.put("trace_id", "trace-" + random.nextInt(50));
                    log.put("span_id", "span-" + i);
                    log.put("host", "host-" + random.nextInt(3));
                }
                log.put("attributes", Map.of("user", "u" + random.nextInt(100), "nested", Map.of("k", "v\u0000ü")));
                batch.add(log);
            }
            created(admin(api.post("/logs", Api.write(batch))));
        }
        created(admin(api.post(
                "/logs", "{\"service\":\"raw\",\"message\":\"as sent\",\"attributes\":{\"b\":1,\"a\":2,\"b\":3}}")));
    }

    private static void awaitPendingNotification(Api api) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (admin(api.get("/admin/notifications")).json().isEmpty()) {
            assertThat(System.nanoTime()).as("a notification within 20 s").isLessThan(deadline);
            sleep();
        }
    }

    private static List<JsonNode> allLogs(Api api) {
        List<JsonNode> logs = new ArrayList<>();
        String path = ALL_LOGS;
        while (path != null) {
            Api.Reply page = admin(api.get(path));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().forEach(logs::add);
            String link = page.header("Link");
            Matcher next = link == null ? null : NEXT.matcher(link);
            path = next != null && next.find() ? next.group(1) : null;
        }
        return logs;
    }

    /**
     * PostgreSQL text holds no NUL: the store keeps U+FFFD in its place. The attributes are JSON text, where a NUL is
     * the escape {@code \\u0000}, kept as it is.
     */
    private static List<JsonNode> asPostgresKeepsThem(List<JsonNode> logs) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode log : logs) {
            ObjectNode copy = (ObjectNode) log.deepCopy();
            for (String field : List.of("service", "message", "request_id", "trace_id", "span_id", "host")) {
                if (copy.get(field).isString()) {
                    copy.put(field, copy.get(field).asString().replace('\0', '\uFFFD'));
                }
            }
            kept.add(copy);
        }
        return kept;
    }

    private static ConfigurableApplicationContext server(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "logcentral.retention.max-age=3650d",
                "logcentral.alerts.first-retry=1h",
                "logcentral.alerts.connect-timeout=1s",
                "logcentral.tokens.admin.token=" + TestTokens.ADMIN,
                "logcentral.tokens.admin.scopes=ingest,read,admin"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(LogcentralApplication.class)
                .properties(all.toArray(String[]::new))
                .run();
    }

    private static Api api(ConfigurableApplicationContext server) {
        return new Api(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
    }

    private static Api.Reply admin(Api.Call call) {
        return call.token(TestTokens.ADMIN).json().send();
    }

    private static JsonNode created(Api.Call call) {
        return created(admin(call));
    }

    private static JsonNode created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
