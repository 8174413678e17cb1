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
 * Python's standard {@code logging.handlers.HTTPHandler} (form-encoded records, Basic auth with the token as the
 * password), run by Python as its own process.
 */
@StoreIndependent
@LogServerTest
class PythonHttpHandlerClientTest {

    @LocalServerPort
    int port;

    @Test
    void httpHandlerRecordsAreReadBackWithLoggerAsServiceSeverityTimeAndMessage() throws Exception {
        String service = "py-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);

        String output = ClientProcess.runPythonExample("python-httphandler", port, service);

        assertThat(output).contains("sent");
        JsonNode logs = ClientProcess.storedLogs(port, service);
        assertThat(logs).hasSize(2);
        JsonNode error = logs.get(0);
        assertThat(error.get("message").asString()).isEqualTo("payment failed for order o-42");
        assertThat(error.get("severity").asString()).isEqualTo("ERROR");
        assertThat(error.get("attributes").get("exc_text").asString()).contains("KeyError");
        JsonNode warning = logs.get(1);
        assertThat(warning.get("message").asString()).isEqualTo("disk almost full on /var");
        assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
        assertThat(warning.get("attributes").get("funcName").asString()).isEqualTo("<module>");
        assertThat(Duration.between(
                        before, Instant.parse(warning.get("timestamp").asString())))
                .isBetween(Duration.ZERO, Duration.ofSeconds(60));
    }
}
