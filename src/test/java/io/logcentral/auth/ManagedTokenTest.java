package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@LogServerTest
class ManagedTokenTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    ManagedTokenRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void tokenLifecycleCreateUseRotateWithGraceRevoke() throws InterruptedException {
        String name = uniqueName("life");
        Api.Reply created = create(Map.of("name", name, "scopes", List.of("ingest", "read")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/admin/tokens/" + name);
        String first = created.json().get("token").asString();
        assertThat(first).startsWith("lc_").hasSizeGreaterThan(40);
        assertThat(created.json().get("managed").asBoolean()).isTrue();

        assertThat(ingest(first, "life")).isEqualTo(201);
        assertThat(api.get("/logs?service=life").token(first).send().status()).isEqualTo(200);
        Api.Reply listed = api.get("/admin/tokens").token(TestTokens.ADMIN).send();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("\"" + name + "\"").doesNotContain(first);

        Api.Reply rotated = api.post("/admin/tokens/" + name + "/rotate?grace=2s", "")
                .token(TestTokens.ADMIN)
                .send();
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().get("token").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(ingest(second, "life")).isEqualTo(201);
        assertThat(ingest(first, "life")).as("old secret inside its grace").isEqualTo(201);
        long graceGone = millisUntil(() -> ingest(first, "life"), 401, Duration.ofSeconds(4));
        System.out.printf("old secret refused %d ms after the check inside its 2 s grace%n", graceGone);
        assertThat(graceGone).isLessThan(2500);
        assertThat(ingest(second, "life")).isEqualTo(201);

        long before = System.nanoTime();
        assertThat(api.request("DELETE", "/admin/tokens/" + name)
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(204);
        long refusedAfter = millisUntil(() -> ingest(second, "life"), 401, Duration.ofSeconds(2));
        System.out.printf(
                "revoke -> 401: %d ms after the DELETE was sent (%d ms including the DELETE)%n",
                refusedAfter, (System.nanoTime() - before) / 1_000_000);
        assertThat(refusedAfter).isLessThan(1000);
        assertThat(api.get("/admin/tokens").token(TestTokens.ADMIN).send().body())
                .doesNotContain("\"" + name + "\"");
    }

    @Test
    void revokeByAnotherReplicaIsRefusedWithinOneSecond() throws InterruptedException {
        String name = uniqueName("replica");
        String secret = create(Map.of("name", name, "scopes", List.of("ingest")))
                .json()
                .get("token")
                .asString();
        assertThat(ingest(secret, "replica")).isEqualTo(201);

        // What another replica's DELETE does to the shared store, without this replica's own reload.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            repository.bumpVersion();
            repository.delete(repository.findById(name).orElseThrow());
        });
        long refusedAfter = millisUntil(() -> ingest(secret, "replica"), 401, Duration.ofSeconds(3));
        System.out.printf("revoke on another replica -> 401 here: %d ms%n", refusedAfter);
        assertThat(refusedAfter).isLessThan(1000);
    }

    @Test
    void expiredTokenReturns401() throws InterruptedException {
        String name = uniqueName("expiring");
        Instant expiry = Instant.now().plusMillis(1500);
        String secret = create(Map.of("name", name, "scopes", List.of("ingest"), "expires_at", expiry.toString()))
                .json()
                .get("token")
                .asString();
        assertThat(ingest(secret, "expiring")).isEqualTo(201);
        millisUntil(() -> ingest(secret, "expiring"), 401, Duration.ofSeconds(4));
        assertThat(Instant.now()).isAfterOrEqualTo(expiry);
        Api.Reply refused = api.get("/logs").token(secret).send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asString()).isEqualTo("unknown token");
    }

    @Test
    void ingestOnlyCannotReadReadOnlyCannotWriteNeitherCanManageTokens() {
        String writer = secret(uniqueName("w"), List.of("ingest"), null);
        String reader = secret(uniqueName("r"), List.of("read"), null);

        assertThat(ingest(writer, "scoped")).isEqualTo(201);
        assertThat(api.get("/logs").token(writer).send().status()).isEqualTo(403);
        assertThat(api.get("/logs").token(reader).send().status()).isEqualTo(200);
        Api.Reply refused =
                api.post("/logs", log("scoped")).json().token(reader).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).isEqualTo("token lacks the ingest scope");
        for (String token : List.of(writer, reader, TestTokens.READER, TestTokens.WRITER)) {
            assertThat(api.get("/admin/tokens").token(token).send().status()).isEqualTo(403);
            assertThat(api.post("/admin/tokens", body(Map.of("name", uniqueName("x"), "scopes", List.of("admin"))))
                            .json()
                            .token(token)
                            .send()
                            .status())
                    .isEqualTo(403);
            assertThat(api.request("DELETE", "/admin/tokens/admin")
                            .token(token)
                            .send()
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void boundManagedTokenReadsAndWritesOnlyItsService() {
        String bound = secret(uniqueName("bound"), List.of("ingest", "read"), "billing");
        long other = api.post("/logs", log("shipping"))
                .json()
                .token(TestTokens.ADMIN)
                .send()
                .json()
                .get("ids")
                .get(0)
                .asLong();

        Api.Reply mismatch =
                api.post("/logs", log("shipping")).json().token(bound).send();
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("service mismatch for token");
        Api.Reply filled = api.post("/logs", "{\"message\":\"no service named\"}")
                .json()
                .token(bound)
                .send();
        assertThat(filled.status()).isEqualTo(201);
        long own = filled.json().get("ids").get(0).asLong();

        JsonNode read = api.get("/logs?limit=1000").token(bound).send().json();
        assertThat(read.values())
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("service").asString()).isEqualToIgnoringCase("billing"));
        assertThat(api.get("/logs/" + own).token(bound).send().status()).isEqualTo(200);
        assertThat(api.get("/logs/" + other).token(bound).send().status()).isEqualTo(404);
        assertThat(api.get("/logs?service=shipping").token(bound).send().json().values())
                .isEmpty();
        assertThat(api.get("/metrics").token(bound).send().status()).isEqualTo(403);
        assertThat(api.get("/logs/services")
                        .token(bound)
                        .send()
                        .json()
                        .get("services")
                        .values())
                .extracting(service -> service.get("name").asString().toLowerCase())
                .containsOnly("billing");
        JsonNode stats = api.get("/logs/stats?by=service").token(bound).send().json();
        List<String> counted = new ArrayList<>();
        stats.get("buckets")
                .values()
                .forEach(bucket -> counted.addAll(bucket.path("services").propertyNames()));
        assertThat(counted).map(String::toLowerCase).containsOnly("billing");
        String export = api.get("/logs?service=shipping")
                .header("Accept", "application/x-ndjson")
                .token(bound)
                .send()
                .body();
        assertThat(export).doesNotContainIgnoringCase("\"shipping\"");
    }

    @Test
    void createWhenNameTakenReturns409() {
        String name = uniqueName("twice");
        assertThat(create(Map.of("name", name, "scopes", List.of("read"))).status())
                .isEqualTo(201);
        Api.Reply again = create(Map.of("name", name, "scopes", List.of("read")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("field").asString()).isEqualTo("name");
        assertThat(create(Map.of("name", "reader", "scopes", List.of("read"))).status())
                .as("a static token's name")
                .isEqualTo(409);
    }

    @Test
    void createWhenFieldWrongReturns400NamingIt() {
        Map<String, Map<String, Object>> wrong = new LinkedHashMap<>();
        wrong.put("name", Map.of("name", "Upper_Case", "scopes", List.of("read")));
        wrong.put("scopes", Map.of("name", uniqueName("s"), "scopes", List.of("read", "root")));
        wrong.put("expires_at", Map.of("name", uniqueName("e"), "scopes", List.of("read"), "expires_at", "2001-01-01"));
        wrong.put(
                "requests_per_second",
                Map.of("name", uniqueName("q"), "scopes", List.of("read"), "requests_per_second", 0));
        wrong.put(
                "logs_per_second", Map.of("name", uniqueName("l"), "scopes", List.of("read"), "logs_per_second", "x"));
        wrong.forEach((field, request) -> {
            Api.Reply reply = create(request);
            assertThat(reply.status()).as(field).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("field").asString()).isEqualTo(field);
        });
        Api.Reply noScopes = api.post("/admin/tokens", "{\"name\":\"" + uniqueName("n") + "\"}")
                .json()
                .token(TestTokens.ADMIN)
                .send();
        assertThat(noScopes.json().get("field").asString()).isEqualTo("scopes");
        assertThat(api.post("/admin/tokens", "{not json")
                        .json()
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void rotateOrRevokeWhenUnknownOrStaticReturns404() {
        assertThat(api.post("/admin/tokens/no-such-token/rotate", "")
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(404);
        Api.Reply staticOne = api.request("DELETE", "/admin/tokens/reader")
                .token(TestTokens.ADMIN)
                .send();
        assertThat(staticOne.status()).isEqualTo(404);
        assertThat(staticOne.json().get("error").asString()).contains("static");
        String name = uniqueName("grace");
        create(Map.of("name", name, "scopes", List.of("read")));
        assertThat(api.post("/admin/tokens/" + name + "/rotate?grace=soon", "")
                        .token(TestTokens.ADMIN)
                        .send()
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("grace");
    }

    @Test
    void listShowsStaticTokensReadOnlyWithoutSecrets() {
        Api.Reply listed = api.get("/admin/tokens").token(TestTokens.ADMIN).send();
        List<String> statics = new ArrayList<>();
        listed.json().values().forEach(token -> {
            if (!token.get("managed").asBoolean()) {
                statics.add(token.get("name").asString());
            }
            assertThat(token.has("token")).isFalse();
        });
        assertThat(statics).contains("admin", "reader", "writer", "reports");
        assertThat(listed.body()).doesNotContain(TestTokens.ADMIN, TestTokens.READER, TestTokens.REPORTS);
    }

    private Api.Reply create(Map<String, Object> request) {
        return api.post("/admin/tokens", body(request))
                .json()
                .token(TestTokens.ADMIN)
                .send();
    }

    private String secret(String name, List<String> scopes, String service) {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("name", name, "scopes", scopes));
        if (service != null) {
            request.put("service", service);
        }
        Api.Reply created = create(request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private int ingest(String token, String service) {
        return api.post("/logs", log(service)).json().token(token).send().status();
    }

    /** Polls every 10 ms until {@code status} answers {@code expected}; fails after {@code limit}. */
    static long millisUntil(IntSupplier status, int expected, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (status.getAsInt() != expected) {
            assertThat(System.nanoTime())
                    .as("still not " + expected + " after " + limit)
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    private static String log(String service) {
        return body(Map.of("service", service, "message", "managed token test"));
    }

    private static String body(Object value) {
        return Api.write(value);
    }
}
