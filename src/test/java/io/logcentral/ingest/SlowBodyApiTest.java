package io.logcentral.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.RawHttp;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Bodies that arrive slowly, or not at all, over real sockets: they neither hold the budget nor a thread for long. */
@LogServerTest
@TestPropertySource(properties = "logcentral.ingest.body-read-grace=1s")
class SlowBodyApiTest {

    private static final long MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void slowBodiesDeclaringTheWholeBudgetDoNotTurnOtherClientsAway() throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try {
            // Six of 10 MiB and one of 4 MiB declare the whole 64 MiB budget, and send one byte each.
            for (long declared : new long[] {10, 10, 10, 10, 10, 10, 4}) {
                slow.add(RawHttp.open(port, Duration.ofSeconds(5))
                        .postHead("/logs", declared * MIB, "Authorization: Token " + TestTokens.WRITER)
                        .send("["));
            }
            Thread.sleep(300);

            Api.Reply reply = new Api(port)
                    .post("/logs", Api.write(Api.log("svc-" + UUID.randomUUID(), "INFO", "still welcome")))
                    .token(TestTokens.WRITER)
                    .json()
                    .send();

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        } finally {
            for (RawHttp http : slow) {
                http.close();
            }
        }
    }

    @Test
    void bodyTricklingSlowerThanTheMinimumRateIsCutOffWith408() throws Exception {
        try (RawHttp http = RawHttp.open(port, Duration.ofSeconds(10))) {
            http.postHead("/logs", 10_000, "Authorization: Token " + TestTokens.WRITER);
            Thread trickle = new Thread(() -> trickle(http), "trickle");
            trickle.setDaemon(true);
            trickle.start();
            long start = System.nanoTime();

            String status = http.statusLine();

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            trickle.interrupt();
            trickle.join(5_000);
            assertThat(status).startsWith("HTTP/1.1 408");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    /** A byte every 200 ms, far below 1 KB/s; stops when the server hangs up or the test is done. */
    private static void trickle(RawHttp http) {
        try {
            for (int i = 0; i < 50 && !Thread.currentThread().isInterrupted(); i++) {
                http.send(" ");
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException e) {
            // The server closed the connection, or the test has its answer: either way, nothing more to send.
        }
    }

    @Test
    void bodyWithinTheRateIsStored() {
        Api.Reply reply = new Api(port)
                .post("/logs", Api.write(List.of(Map.of("service", "pace", "message", "m"))))
                .token(TestTokens.WRITER)
                .json()
                .send();

        assertThat(reply.status()).isEqualTo(201);
    }
}
