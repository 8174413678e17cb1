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
