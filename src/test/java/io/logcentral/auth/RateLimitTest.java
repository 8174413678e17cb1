package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@OwnServerTest
@TestPropertySource(
        properties = {
            "logcentral.rate-limit.requests-per-second=20",
            "logcentral.tokens.limited.token=" + RateLimitTest.LIMITED,
            "logcentral.tokens.limited.scopes=ingest,read",
            "logcentral.tokens.limited.requests-per-second=3",
            "logcentral.tokens.free.token=" + RateLimitTest.FREE,
            "logcentral.tokens.free.scopes=ingest,read",
            "logcentral.tokens.free.requests-per-second=1000000",
            "logcentral.tokens.trickle.token=" + RateLimitTest.TRICKLE,
            "logcentral.tokens.trickle.logs-per-second=10",
            "logcentral.tokens.trickle.requests-per-second=1000000",
            "logcentral.tokens.defaulted.token=" + RateLimitTest.DEFAULTED,
            "logcentral.tokens.defaulted.scopes=read",
            "logcentral.tokens.boss.token=" + RateLimitTest.BOSS,
            "logcentral.tokens.boss.scopes=admin",
            "logcentral.tokens.boss.requests-per-second=1000000",
        })
class RateLimitTest {

    static final String LIMITED = "rate-limited-token-0123456789";
    static final String FREE = "rate-free-token-0123456789abc";
    static final String TRICKLE = "rate-trickle-token-012345678";
    static final String DEFAULTED = "rate-defaulted-token-0123456";
    static final String BOSS = "rate-boss-token-0123456789abc";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void limitedTokenGets429WithRetryAfterWhileAnotherTokenIsUnaffected() {
        List<Api.Reply> limited = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            limited.add(api.get("/logs?limit=1").token(LIMITED).send());
            free.add(api.get("/logs?limit=1").token(FREE).send().status());
        }

        assertThat(free).containsOnly(200);
        assertThat(limited).filteredOn(reply -> reply.status() == 200).hasSizeBetween(3, allowed(3, start));
        Api.Reply refused = limited.stream()
                .filter(reply -> reply.status() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("error").asString()).contains("3 requests a second");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
    }

    @Test
    void logsOverTheTokensLogsPerSecondGet429AndStoreNothing() throws Exception {
        assertThat(send(TRICKLE, 10).status()).isEqualTo(201);
        Api.Reply refused = send(TRICKLE, 10);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(api.get("/logs?service=rate-test&limit=1000")
                        .token(FREE)
                        .send()
                        .json()
                        .size())
                .as("only the first batch was stored")
                .isEqualTo(10);
        assertThat(refused.json().get("error").asString()).contains("10 logs a second");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(send(FREE, 100).status()).as("another token").isEqualTo(201);

        Thread.sleep(1000L * Integer.parseInt(refused.header("Retry-After")));
        assertThat(send(TRICKLE, 25).status())
                .as("a batch above one second's worth goes through on a full bucket")
                .isEqualTo(201);
        assertThat(send(TRICKLE, 1).status())
                .as("and leaves the bucket in debt")
                .isEqualTo(429);
    }

    @Test
    void tokenWithoutLimitsOfItsOwnGetsTheDefault() throws Exception {
        // At once from many threads: sent one by one on a loaded machine, they could come slower than the refill.
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            Callable<Integer> get =
                    () -> api.get("/logs?limit=1").token(DEFAULTED).send().status();
            for (Future<Integer> status : clients.invokeAll(Collections.nCopies(80, get))) {
                statuses.add(status.get());
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(statuses).contains(429);
        assertThat(Collections.frequency(statuses, 200)).isBetween(20, allowed(20, start));
    }

    @Test
    void managedTokenGetsTheLimitsOfItsApiBody() {
        Api.Reply created = api.post(
                        "/admin/tokens",
                        Api.write(Map.of("name", "slow-one", "scopes", List.of("read"), "requests_per_second", 1)))
                .json()
                .token(BOSS)
                .send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("requests_per_second").asLong()).isEqualTo(1);
        String secret = created.json().get("token").asString();

        assertThat(api.get("/logs?limit=1").token(secret).send().status()).isEqualTo(200);
        assertThat(api.get("/logs?limit=1").token(secret).send().status()).isEqualTo(429);
        assertThat(api.get("/logs?limit=1").token(FREE).send().status()).isEqualTo(200);
    }

    /** What a bucket of {@code perSecond} lets through since {@code start}: one second's burst, then its rate. */
    private static int allowed(int perSecond, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return perSecond + (int) Math.ceil(perSecond * seconds);
    }

    private Api.Reply send(String token, int logs) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < logs; i++) {
            batch.add(Api.log("rate-test", "INFO", "log " + i));
        }
        return api.post("/logs", Api.write(batch)).json().token(token).send();
    }
}
