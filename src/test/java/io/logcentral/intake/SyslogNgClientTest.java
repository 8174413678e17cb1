package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.logcentral.OwnServerTest;
import io.logcentral.StoreIndependent;
import io.logcentral.TestTokens;
import io.logcentral.syslog.SyslogListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * syslog-ng, run in the foreground as its own process with the configurations of {@code examples/syslog-ng}, ships
 * the lines of a file: over syslog TCP to the listener, with {@code elasticsearch-http()} to {@code /_bulk}, and with
 * {@code http()} to {@code /logs}. The logs are read back through {@code GET /logs}.
 */
@StoreIndependent
@OwnServerTest
@TestPropertySource(
        properties = {
            "logcentral.syslog.port=0",
            "logcentral.syslog.token=syslog",
            "logcentral.tokens.syslog.token=test-syslog-token-0123456789abcdef",
        })
class SyslogNgClientTest {

    private static final Path SYSLOG_NG = Path.of("/usr/sbin/syslog-ng");
    private static final Path CONFIGS = ClientProcess.EXAMPLES.resolve("syslog-ng");
    private static final DateTimeFormatter BSD_TIME =
            DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @LocalServerPort
    int httpPort;

    @Autowired
    SyslogListener listener;

    @TempDir
    Path dir;

    String service;
    Instant sent;

    @BeforeEach
    void writeTheLinesToShip() throws IOException {
        assumeThat(Files.isExecutable(SYSLOG_NG)).as("syslog-ng is installed").isTrue();
        service = "ng-" + UUID.randomUUID().toString().substring(0, 8);
        sent = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String time = BSD_TIME.format(sent);
        Files.writeString(
                dir.resolve("input.log"),
                "<11>" + time + " web-1 " + service + "[42]: payment failed for order 17\n"
                        + "<12>" + time + " web-1 " + service + "[42]: payment slow\n"
                        + "<14>" + time + " web-1 " + service + "[42]: payment ok\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void syslogOverTcpReachesTheListener() throws Exception {
        JsonNode logs = ship("syslog-tcp.conf");

        assertShipped(logs);
        assertThat(logs.get(0).get("attributes").get("proc_id").asString()).isEqualTo("42");
        assertThat(logs.get(0).get("attributes").get("facility").asString()).isEqualTo("user");
    }

    @Test
    void elasticsearchHttpReachesBulk() throws Exception {
        JsonNode logs = ship("elasticsearch-http.conf");

        assertShipped(logs);
        assertThat(logs.get(0).get("attributes").get("index").asString()).isEqualTo("syslog-ng");
        assertThat(logs.get(0).get("attributes").get("pid").asString()).isEqualTo("42");
    }

    @Test
    void httpReachesPostLogs() throws Exception {
        JsonNode logs = ship("http.conf");

        assertShipped(logs);
        assertThat(logs.get(0).get("attributes").get("facility").asString()).isEqualTo("user");
    }

    /** In any order: the lines carry the same second, and a shipper may send them in more than one request. */
    private void assertShipped(JsonNode logs) {
        assertThat(logs)
                .extracting(log -> log.get("message").asString() + " / "
                        + log.get("severity").asString())
                .containsExactlyInAnyOrder(
                        "payment ok / INFO", "payment slow / WARNING", "payment failed for order 17 / ERROR");
        for (JsonNode log : logs) {
            assertThat(log.get("service").asString()).isEqualTo(service);
            assertThat(log.get("host").asString()).isEqualTo("web-1");
            assertThat(Instant.parse(log.get("timestamp").asString())).isEqualTo(sent);
        }
    }

    /** Runs syslog-ng in the foreground until the logs are stored, then stops it as an operator would. */
    private JsonNode ship(String config) throws Exception {
        Path output = dir.resolve("syslog-ng.out");
        ProcessBuilder builder = new ProcessBuilder(
                        SYSLOG_NG.toString(),
                        "-F",
                        "-f",
                        CONFIGS.resolve(config).toString(),
                        "--persist-file",
                        dir.resolve("syslog-ng.persist").toString(),
                        "--pidfile",
                        dir.resolve("syslog-ng.pid").toString(),
                        "--control",
                        dir.resolve("syslog-ng.ctl").toString(),
                        "--no-caps")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment()
                .putAll(Map.of(
                        "TZ",
                        "UTC",
                        "LOGCENTRAL_INPUT",
                        dir.resolve("input.log").toString(),
                        "LOGCENTRAL_HOST",
                        "127.0.0.1",
                        "LOGCENTRAL_SYSLOG_PORT",
                        String.valueOf(listener.port()),
                        "LOGCENTRAL_URL",
                        "http://127.0.0.1:" + httpPort,
                        "LOGCENTRAL_TOKEN",
                        TestTokens.ADMIN));
        Process process = builder.start();
        try {
            return ClientProcess.awaitLogs(httpPort, service, 3);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nsyslog-ng said:\n" + Files.readString(output), e);
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
