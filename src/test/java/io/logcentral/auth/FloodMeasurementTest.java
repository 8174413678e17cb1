package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmark, run on demand ({@code -Dlogcentral.flood=true}): a quiet token sends one log every 10 ms
 * alone, then while another token floods at full speed, then while a rate-limited token floods; it prints the quiet
 * token's p50/p99 in each phase of the same run.
 */
@OwnServerTest
@EnabledIfSystemProperty(named = "logcentral.flood", matches = "true")
@TestPropertySource(
        properties = {
            "logcentral.tokens.quiet.token=" + FloodMeasurementTest.QUIET,
            "logcentral.tokens.flood.token=" + FloodMeasurementTest.FLOOD,
            "logcentral.tokens.limited-flood.token=" + FloodMeasurementTest.LIMITED_FLOOD,
            "logcentral.tokens.limited-flood.requests-per-second=200",
        })
class FloodMeasurementTest {

    static final String QUIET = "flood-quiet-token-0123456789";
    static final String FLOOD = "flood-flood-token-0123456789";
    static final String LIMITED_FLOOD = "flood-limited-token-012345678";

    private static final int PHASE_SECONDS = 15;
    private static final int FLOODERS = 8;

    @LocalServerPort
    int port;

    @Test
    void quietTokenLatencyWithAndWithoutAFlood() throws InterruptedException {
        Api api = new Api(port);
        quietPhase(api, null); // warm-up
        List<String> table = new ArrayList<>();
        table.add(row("alone", quietPhase(api, null), null));
        Map<Integer, AtomicLong> unlimited = new ConcurrentHashMap<>();
        table.add(row("flood, no limit", quietPhase(api, flooder(api, FLOOD, unlimited)), unlimited));
        Map<Integer, AtomicLong> limited = new ConcurrentHashMap<>();
        table.add(row("flood, 200 req/s", quietPhase(api, flooder(api, LIMITED_FLOOD, limited)), limited));
        System.out.println("| phase | quiet p50 ms | quiet p99 ms | flood answers |");
        System.out.println("|---|---|---|---|");
        table.forEach(System.out::println);
        assertThat(table).hasSize(3);
    }

    private static String row(String phase, List<Long> micros, Map<Integer, AtomicLong> flood) {
        Collections.sort(micros);
        return "| %s | %.2f | %.2f | %s |"
                .formatted(
                        phase,
                        micros.get(micros.size() / 2) / 1000.0,
                        micros.get((int) (micros.size() * 0.99)) / 1000.0,
                        flood == null ? "" : flood.toString());
    }

    private static Runnable flooder(Api api, String token, Map<Integer, AtomicLong> statuses) {
        String body = Api.write(Api.log("flood", "INFO", "flooding"));
        return () -> statuses.computeIfAbsent(
                        api.post("/logs", body).json().token(token).send().status(), s -> new AtomicLong())
                .incrementAndGet();
    }

    /** One log every 10 ms from the quiet token for a phase, with {@link #FLOODERS} threads running {@code flood}. */
    private static List<Long> quietPhase(Api api, Runnable flood) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> flooders = new ArrayList<>();
        for (int i = 0; flood != null && i < FLOODERS; i++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    flood.run();
                }
            });
            thread.start();
            flooders.add(thread);
        }
        String body = Api.write(Api.log("quiet", "INFO", "one every 10 ms"));
        List<Long> micros = new ArrayList<>();
        long end = System.nanoTime() + PHASE_SECONDS * 1_000_000_000L;
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int status = api.post("/logs", body).json().token(QUIET).send().status();
            assertThat(status).isEqualTo(201);
            micros.add((System.nanoTime() - start) / 1000);
            next += 10_000_000L;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        running.set(false);
        for (Thread thread : flooders) {
            thread.join(30_000);
        }
        return micros;
    }
}
