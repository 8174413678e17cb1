package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.LogServerTest;
import io.logcentral.StoreIndependent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Debian's {@code python3-graypy} {@code GELFHTTPHandler}: zlib bodies labelled {@code Content-Encoding: gzip,deflate},
 * the token in the query string, run by Python as its own process.
 */
@StoreIndependent
@LogServerTest
class GelfGraypyClientTest {

    @LocalServerPort
    int port;

    @Test
    void graypyMessagesAreReadBackWithServiceSeverityTimeMessageAndFields() throws Exception {
        String service = "graypy-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);

        String output = ClientProcess.runPythonExample("gelf-python", port, service);

        assertThat(output).contains("sent");
        JsonNode logs = ClientProcess.storedLogs(port, service);
        assertThat(logs).hasSize(2);
        JsonNode error = logs.get(0);
        assertThat(error.get("message").asString()).isEqualTo("invoice total failed");
        assertThat(error.get("severity").asString()).isEqualTo("ERROR");
        assertThat(error.get("attributes").get("full_message").asString()).contains("ZeroDivisionError");
        JsonNode warning = logs.get(1);
        assertThat(warning.get("message").asString()).isEqualTo("invoice run slow");
        assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
        assertThat(warning.get("host").asString()).isNotBlank();
        assertThat(Duration.between(
                        before, Instant.parse(warning.get("timestamp").asString())))
                .isBetween(Duration.ZERO, Duration.ofSeconds(30));
        assertThat(warning.get("attributes").get("invoice_count").asInt()).isEqualTo(1200);
        assertThat(warning.get("attributes").get("facility").asString()).isEqualTo("billing.worker");
    }
}
