package io.logcentral.retention;

import static io.logcentral.retention.Store.log;
import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.MovableClock;
import io.logcentral.OwnServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.TestTokens;
import io.logcentral.storage.StorageProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@OwnServerTest
@Import(TestClock.Config.class)
@TestPropertySource(
        properties = {
            "logcentral.tokens.admin.scopes=ingest,read,admin",
            "logcentral.retention.max-age=30d",
            "logcentral.retention.rules[0].service=checkout",
            "logcentral.retention.rules[0].severity=DEBUG",
            "logcentral.retention.rules[0].max-age=1d",
            "logcentral.retention.rules[1].severity=ERROR",
            "logcentral.retention.rules[1].max-age=90d",
            "logcentral.retention.rules[2].service=billing",
            "logcentral.retention.rules[2].max-age=7d",
        })
class RetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    StorageProperties storage;

    Store store;

    @BeforeEach
    void setUp() {
        store = new Store(new Api(port), storage.databaseFile());
    }

    @Test
    @SqliteOnly // reads the SQLite file's own indexes; PostgresRetentionTest pins retention on PostgreSQL
    void retentionDeletesWhatTheMostSpecificRuleLetsGoAndEveryIndexAgrees() throws Exception {
        Instant now = clock.instant();
        List<Long> gone = store.ingest(List.of(
                log("checkout", "DEBUG", now.minus(Duration.ofHours(1)), "expired checkout debug"),
                log("checkout", "INFO", now.minus(Duration.ofDays(25)), "expired checkout info"),
                log("search", "ERROR", now.minus(Duration.ofDays(85)), "expired search error"),
                log("billing", "ERROR", now.minus(Duration.ofDays(5)), "expired billing error")));
        assertThat(store.found("checkout", "")).isEqualTo(2);

        clock.advance(Duration.ofDays(10));
        Instant later = clock.instant();
        List<Long> kept = store.ingest(List.of(
                log("checkout", "DEBUG", later.minus(Duration.ofHours(1)), "kept checkout debug"),
                log("checkout", "INFO", later.minus(Duration.ofDays(2)), "kept checkout info"),
                log("search", "ERROR", later.minus(Duration.ofDays(60)), "kept search error"),
                log("billing", "INFO", later.minus(Duration.ofDays(6)), "kept billing info"),
                log("search", "INFO", later, "kept newest")));
        Store.await(() -> store.statusOf(gone.get(3)) == 404, "the expired logs to go");

        for (long id : gone) {
            assertThat(store.statusOf(id)).isEqualTo(404);
        }
        for (long id : kept) {
            assertThat(store.statusOf(id)).isEqualTo(200);
        }
        assertThat(store.found("checkout", "&q=expired")).isZero();
        assertThat(store.found("search", "&q=expired")).isZero();
        assertThat(store.found("billing", "&q=expired")).isZero();
        assertThat(store.found("checkout", "&q=kept")).isEqualTo(2);
        assertThat(store.found("search", "&q=error")).isEqualTo(1);
        assertThat(store.counted("checkout", "")).isEqualTo(2);
        assertThat(store.counted("search", "")).isEqualTo(2);
        assertThat(store.counted("billing", "&level=ERROR")).isZero();
        assertThat(store.listed("checkout")).isEqualTo(2);
        assertThat(store.listed("billing")).isEqualTo(1);
        store.checkBlocks();
    }

    @Test
    @SqliteOnly // reads the SQLite file's search index and blocks; retention cursors are the SQLite store's
    void aLogWrittenLateWithAnExpiredTimestampGoesAtTheNextPassAndBlocksGoWithTheirLastLog() throws Exception {
        Instant now = clock.instant();
        List<Long> old = new ArrayList<>();
        for (int batch = 0; batch < 9; batch++) {
            old.addAll(store.ingest(DiskGuardTest.logs("late", "INFO", now.minus(Duration.ofDays(40)), 1000)));
        }
        store.ingest(List.of(log("late", "INFO", now, "late newest")));
        clock.advance(Duration.ofMinutes(2));
        Store.await(() -> store.statusOf(old.get(old.size() - 1)) == 404, "the expired logs to go");

        long late = store.ingest(List.of(log("late", "INFO", now.minus(Duration.ofDays(40)), "late expired")))
                .get(0);
        store.ingest(List.of(log("late", "INFO", now, "late newest again")));
        clock.advance(Duration.ofMinutes(2));
        Store.await(() -> store.statusOf(late) == 404, "the late expired log to go");

        assertThat(store.counted("late", "")).isEqualTo(2);
        assertThat(store.listed("late")).isEqualTo(2);
        assertThat(store.found("late", "&q=expired")).isZero();
        assertThat(store.found("late", "&q=lorem")).isZero();
        store.checkBlocks();
    }

    @Test
    void rulesSetThroughTheApiReplaceConfiguredOnesForTheSameTarget() throws Exception {
        Instant now = clock.instant();
        long young = store.ingest(List.of(log("audit", "WARNING", now.minus(Duration.ofHours(3)), "audit warning")))
                .get(0);
        store.ingest(List.of(log("audit", "INFO", now, "audit newest")));

        Api.Reply reply = putRules(Api.write(Map.of(
                "rules",
                List.of(
                        Map.of("service", "Audit", "max_age", "2h"),
                        Map.of("service", "checkout", "severity", "debug", "max_age", "12h")))));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Store.await(() -> store.statusOf(young) == 404, "the audit log to go by the rule of the API");
        Api.Reply rules =
                store.api().get("/admin/retention").token(TestTokens.ADMIN).send();
        assertThat(rules.json().get("rules").toString())
                .contains("{\"service\":\"checkout\",\"severity\":\"DEBUG\",\"max_age\":\"12h\",\"source\":\"api\"}")
                .contains("{\"service\":\"audit\",\"severity\":null,\"max_age\":\"2h\",\"source\":\"api\"}")
                .contains("{\"service\":\"billing\",\"severity\":null,\"max_age\":\"7d\",\"source\":\"config\"}")
                .contains("{\"service\":null,\"severity\":null,\"max_age\":\"30d\",\"source\":\"default\"}")
                .doesNotContain("\"max_age\":\"1d\"");
        assertThat(store.found("audit", "")).isEqualTo(1);
    }

    @Test
    void rulesWithoutServiceOrSeverityAreRefusedNamingTheField() {
        Api.Reply reply = putRules("{\"rules\":[{\"max_age\":\"1d\"}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asString()).isEqualTo("rules[0]");
        Api.Reply badAge = putRules("{\"rules\":[{\"service\":\"a\",\"max_age\":\"soon\"}]}");
        assertThat(badAge.status()).isEqualTo(400);
        assertThat(badAge.json().get("field").asString()).isEqualTo("rules[0].max_age");
    }

    @Test
    void storageShowsCountsPerServiceAndSeverityFoldedTemplatesAndWhatRetentionDeletesNext() {
        Instant now = clock.instant();
        store.ingest(List.of(
                log("templated", "INFO", now, "order 1234 failed for 0xdeadbeef"),
                log("templated", "INFO", now, "order 99 failed for 0x1f"),
                log("templated", "INFO", now, "order 7 failed for 0xabc")));

        Api.Reply reply =
                store.api().get("/admin/storage").token(TestTokens.ADMIN).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("by_service_and_severity").toString())
                .contains("\"service\":\"templated\"")
                .contains("\"logs\":3");
        assertThat(body.get("top_templates").get(0).toString())
                .isEqualTo("{\"template\":\"order <n> failed for <hex>\",\"count\":3}");
        JsonNode next = body.get("retention_next");
        assertThat(next.get(next.size() - 1).get("max_age").asString()).isEqualTo("30d");
        assertThat(next.get(0).get("logs_due").asLong()).isNotNegative();
        assertThat(body.get("oldest_log").asString()).isNotBlank();
    }

    private Api.Reply putRules(String json) {
        return store.api()
                .request("PUT", "/admin/retention")
                .body(json.getBytes(StandardCharsets.UTF_8))
                .token(TestTokens.ADMIN)
                .json()
                .send();
    }
}
