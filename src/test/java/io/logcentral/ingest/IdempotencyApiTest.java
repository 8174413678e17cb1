package io.logcentral.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@LogServerTest
class IdempotencyApiTest {

    @LocalServerPort
    int port;

    Api api;
    String service;
    String body;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "svc-" + UUID.randomUUID();
        body = "[{\"service\":\"" + service + "\",\"message\":\"once\"},{\"message\":\"no service\"},"
                + "{\"service\":\"" + service + "\",\"message\":\"twice\"}]";
    }

    private Api.Reply send(String token, String key) {
        return api.post("/logs", body)
                .token(token)
                .json()
                .header("Idempotency-Key", key)
                .send();
    }

    private int storedCount() {
        return api.get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .send()
                .json()
                .size();
    }

    @Test
    void retryWithTheSameKeyStoresNothingTwiceAndGetsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();

        Api.Reply first = send(TestTokens.ADMIN, key);
        Api.Reply retry = send(TestTokens.ADMIN, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void keySentInTwoHeadersIsTheirValuesJoinedByACommaAsSpringJoinedThem() {
        String key = UUID.randomUUID().toString();

        Api.Reply first = api.post("/logs", body)
                .token(TestTokens.ADMIN)
                .json()
                .header("Idempotency-Key", key)
                .header("Idempotency-Key", "second")
                .send();
        Api.Reply retry = send(TestTokens.ADMIN, key + ",second");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndStoresNothing() {
        String key = UUID.randomUUID().toString();
        send(TestTokens.ADMIN, key);
        body = "[{\"service\":\"" + service + "\",\"message\":\"a new log\"}]";

        Api.Reply reused = send(TestTokens.ADMIN, key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(reused.json().get("error").asString()).contains("reused with a different body");
        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void replayOfManyItemErrorsKeepsTheFirstHundredAndCountsThemAll() {
        String key = UUID.randomUUID().toString();
        List<String> items = new ArrayList<>();
        items.add("{\"service\":\"" + service + "\",\"message\":\"good\"}");
        for (int i = 0; i < 150; i++) {
            items.add("{\"service\":\"" + service + "\",\"severity\":\"" + "x".repeat(1000) + "\",\"message\":\"m\"}");
        }
        body = "[" + String.join(",", items) + "]";

        Api.Reply first = send(TestTokens.ADMIN, key);
        Api.Reply replay = send(TestTokens.ADMIN, key);

        assertThat(first.json().get("errors")).hasSize(150);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("rejected").asInt()).isEqualTo(150);
        assertThat(replay.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(replay.json().get("ids")).isEqualTo(first.json().get("ids"));
        assertThat(replay.json().get("errors")).hasSize(100);
        assertThat(replay.json().get("errors").get(0))
                .isEqualTo(first.json().get("errors").get(0));
    }

    @Test
    void sameKeyFromAnotherTokenIsAnotherRequest() {
        String key = UUID.randomUUID().toString();

        send(TestTokens.ADMIN, key);
        Api.Reply other = send(TestTokens.WRITER, key);

        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(storedCount()).isEqualTo(4);
    }

    @Test
    void concurrentRetriesOfOneKeyStoreOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(pool.submit(() -> send(TestTokens.ADMIN, key).status()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(201);
        }
        pool.shutdown();

        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void keyLongerThan255CharactersReturns400() {
        Api.Reply reply = send(TestTokens.ADMIN, "k".repeat(256));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asString()).isEqualTo("Idempotency-Key");
    }
}
