package io.logcentral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A small queue and a writer that lingers, flooded from many connections at once. */
@OwnServerTest
@TestPropertySource(
        properties = {
            "logcentral.pipeline.max-queue-logs=60",
            "logcentral.pipeline.max-batch-logs=1000",
            "logcentral.pipeline.linger=40ms",
        })
class OverloadTest {

    private static final int THREADS = 24;
    private static final int REQUESTS_PER_THREAD = 15;

    @LocalServerPort
    int port;

    private static String batch(String severity) {
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            logs.add("{\"service\":\"flood\",\"severity\":\"" + severity + "\",\"message\":\"m" + i + "\"}");
        }
        return "[" + String.join(",", logs) + "]";
    }

    @Test
    void floodWhenQueueIsFullShedsInfoBeforeErrorsAndNeverFails() throws Exception {
        Api api = new Api(port);
        String[] severities = {"INFO", "DEBUG", "WARNING", "ERROR", "CRITICAL", "INFO"};
        Map<String, AtomicInteger> shed = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        List<String> unexpected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String severity = severities[t % severities.length];
            String group = severity.equals("ERROR") || severity.equals("CRITICAL") ? "high" : "low";
            done.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    Api.Reply reply = api.post("/logs", batch(severity))
                            .token(TestTokens.ADMIN)
                            .json()
                            .send();
                    sent.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
                    if (reply.status() == 503) {
                        assertThat(reply.header("Retry-After")).isEqualTo("1");
                        shed.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
                    } else if (reply.status() != 201) {
                        synchronized (unexpected) {
                            unexpected.add(reply.toString());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        double lowShed = shedRate(shed, sent, "low");
        double highShed = shedRate(shed, sent, "high");
        assertThat(lowShed).as("share of INFO/WARNING requests refused").isPositive();
        assertThat(highShed).as("share of ERROR/CRITICAL requests refused").isLessThan(lowShed);
        assertThat(api.get("/health").send().status()).isEqualTo(200);
        assertThat(api.get("/metrics")
                        .token(TestTokens.ADMIN)
                        .send()
                        .json()
                        .get("requests_shed")
                        .get("INFO")
                        .asLong())
                .isPositive();
    }

    private static double shedRate(Map<String, AtomicInteger> shed, Map<String, AtomicInteger> sent, String group) {
        return shed.getOrDefault(group, new AtomicInteger()).get()
                / (double) sent.get(group).get();
    }
}
