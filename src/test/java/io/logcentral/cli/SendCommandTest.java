package io.logcentral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code send}: seed 001's modes against a real server, read back through {@code GET /logs}. */
@LogServerTest
class SendCommandTest {

    @LocalServerPort
    int port;

    @Test
    void singleModeSendsOneSimulatedLogPerRequestCountTimes() {
        String service = "send-" + UUID.randomUUID();

        CliRun run = send("--mode", "single", "--count", "3", "--interval", "0", "--service", service);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[single] HTTP 201 | accepted 1, rejected 0");
        assertThat(run.out().lines().filter(line -> line.startsWith("[single]")))
                .hasSize(3);
        JsonNode logs = stored(service);
        assertThat(logs).hasSize(3);
        for (JsonNode log : logs) {
            assertThat(log.get("severity").asString()).isIn("INFO", "DEBUG", "WARNING", "ERROR");
            assertThat(log.get("message").asString()).isNotBlank();
        }
    }

    @Test
    void batchModeSendsBatchSizeLogsPerRequest() {
        String service = "send-" + UUID.randomUUID();

        CliRun run = send(
                "--mode", "batch", "--batch-size", "4", "--count", "2", "--interval", "0.05", "--service", service);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[batch x4] HTTP 201 | accepted 4, rejected 0");
        assertThat(run.out()).contains("done: 8 logs accepted, 0 rejected, 0 requests failed");
        assertThat(stored(service)).hasSize(8);
    }

    @Test
    void withoutServiceItSimulatesSeed000sServices() {
        Instant before = Instant.now().minusMillis(1);

        CliRun run = send("--mode", "batch", "--batch-size", "60", "--count", "1", "--interval", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode logs = new Api(port)
                .get("/logs?service=servicio1,servicio2,servicio3&limit=1000&received_at_start=" + before)
                .token(TestTokens.ADMIN)
                .send()
                .json();
        assertThat(logs).hasSize(60);
        Set<String> services = new HashSet<>();
        logs.forEach(log -> services.add(log.get("service").asString()));
        assertThat(services).containsExactlyInAnyOrder("servicio1", "servicio2", "servicio3");
    }

    @Test
    void aTokenBoundToAnotherServiceGetsItsItemsRefusedAndExits1() {
        CliRun run = CliRun.of(
                "send",
                "--url",
                "http://127.0.0.1:" + port + "/logs",
                "--token",
                TestTokens.REPORTS,
                "--count",
                "1",
                "--interval",
                "0",
                "--service",
                "payments");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("item 0: service: service mismatch for token");
    }

    @Test
    void anUnknownTokenStopsAtTheFirst401() {
        CliRun run = CliRun.of(
                "send",
                "--url",
                "http://127.0.0.1:" + port,
                "--token",
                "not-a-token",
                "--count",
                "5",
                "--interval",
                "0");

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> failures = new ArrayList<>(
                run.err().lines().filter(line -> line.contains("HTTP 401")).toList());
        assertThat(failures).hasSize(1);
    }

    private CliRun send(String... options) {
        List<String> args =
                new ArrayList<>(List.of("send", "--url", "http://127.0.0.1:" + port, "--token", TestTokens.WRITER));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private JsonNode stored(String service) {
        return new Api(port)
                .get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .send()
                .json();
    }
}
