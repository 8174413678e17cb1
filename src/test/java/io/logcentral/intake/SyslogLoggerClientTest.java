package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.logcentral.OwnServerTest;
import io.logcentral.StoreIndependent;
import io.logcentral.syslog.SyslogListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * util-linux's {@code logger}, run as its own process, sends to the syslog listener in both RFCs, over UDP and TCP, and
 * octet-counted; the logs are read back through {@code GET /logs}.
 */
@StoreIndependent
@OwnServerTest
@TestPropertySource(
        properties = {
            "logcentral.syslog.port=0",
            "logcentral.syslog.token=syslog",
            "logcentral.tokens.syslog.token=test-syslog-token-0123456789abcdef",
        })
class SyslogLoggerClientTest {

    private static final Path LOGGER = Path.of("/usr/bin/logger");

    @LocalServerPort
    int httpPort;

    @Autowired
    SyslogListener listener;

    @BeforeEach
    void loggerIsInstalled() {
        assumeThat(Files.isExecutable(LOGGER))
                .as("logger (bsdutils) is installed")
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({"--rfc3164, --udp", "--rfc3164, --tcp", "--rfc5424, --udp", "--rfc5424, --tcp"})
    void loggerMessagesAreReadBackWithServiceSeverityTimeHostAndMessage(String protocol, String transport)
            throws Exception {
        String service = tag();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        logger(protocol, transport, "-t", service, "-p", "local3.warning", "invoice run slow for café");

        JsonNode log = ClientProcess.awaitLogs(httpPort, service, 1).get(0);
        assertThat(log.get("message").asString()).isEqualTo("invoice run slow for café");
        assertThat(log.get("severity").asString()).isEqualTo("WARNING");
        assertThat(log.get("host").asString()).isNotBlank();
        assertThat(log.get("attributes").get("facility").asString()).isEqualTo("local3");
        assertThat(Duration.between(before, Instant.parse(log.get("timestamp").asString())))
                .isBetween(Duration.ZERO, Duration.ofSeconds(30));
    }

    @Test
    void rfc5424KeepsProcessIdMessageIdAndStructuredData() throws Exception {
        String service = tag();

        logger(
                "--rfc5424",
                "--tcp",
                "-t",
                service,
                "-p",
                "auth.crit",
                "--id=4242",
                "--msgid",
                "ID47",
                "--sd-id",
                "order@32473",
                "--sd-param",
                "id=\"A-17\"",
                "card declined");

        JsonNode log = ClientProcess.awaitLogs(httpPort, service, 1).get(0);
        assertThat(log.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(log.get("message").asString()).isEqualTo("card declined");
        JsonNode attributes = log.get("attributes");
        assertThat(attributes.get("proc_id").asString()).isEqualTo("4242");
        assertThat(attributes.get("msg_id").asString()).isEqualTo("ID47");
        assertThat(attributes
                        .get("structured_data")
                        .get("order@32473")
                        .get("id")
                        .asString())
                .isEqualTo("A-17");
        // logger's 5424 time has microseconds: kept as sent, not rounded to the second.
        assertThat(log.get("timestamp").asString()).doesNotEndWith("00.000000Z");
    }

    @Test
    void octetCountedFramesOfAFileAreEachALogInOrder() throws Exception {
        String service = tag();
        Path file = Files.createTempFile("syslog", ".txt");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            lines.add("line " + i + " of an octet-counted stream");
        }
        Files.write(file, lines);

        logger("--rfc5424", "--tcp", "--octet-count", "-t", service, "-p", "daemon.info", "-f", file.toString());

        JsonNode logs = ClientProcess.awaitLogs(httpPort, service, 50);
        assertThat(logs.get(0).get("message").asString()).isEqualTo("line 50 of an octet-counted stream");
        assertThat(logs.get(49).get("message").asString()).isEqualTo("line 1 of an octet-counted stream");
        assertThat(logs.get(0).get("severity").asString()).isEqualTo("INFO");
        Files.delete(file);
    }

    private void logger(String... options) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("env", "TZ=UTC", LOGGER.toString(), "-n", "127.0.0.1", "-P", String.valueOf(listener.port())));
        command.addAll(List.of(options));
        ClientProcess.run(Path.of("."), 30, command.toArray(String[]::new));
    }

    private static String tag() {
        return "lg-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
