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
 * {@code logback-gelf}'s {@code GelfHttpAppender} (gzip, the token in the query string), in a JVM of its own with its
 * own Logback.
 */
@StoreIndependent
@LogServerTest
class GelfLogbackClientTest {

    @LocalServerPort
    int port;

    @Test
    void gelfHttpAppenderMessagesAreReadBackWithServiceSeverityTimeMessageAndFields() throws Exception {
        String service = "logback-gelf-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);

        String output = ClientProcess.runJavaExample(
                "gelf-logback", "GelfSend.java", port, service, "-Dlogback.configurationFile=logback.xml");

        assertThat(output).contains("sent");
        JsonNode logs = ClientProcess.storedLogs(port, service);
        assertThat(logs).hasSize(2);
        JsonNode warning = logs.get(0);
        assertThat(warning.get("message").asString()).isEqualTo("invoice run slow");
        assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
        assertThat(warning.get("attributes").get("invoice_count").asInt()).isEqualTo(1200);
        assertThat(warning.get("host").asString()).isNotBlank();
        JsonNode error = logs.get(1);
        assertThat(error.get("message").asString()).isEqualTo("invoice total failed");
        assertThat(error.get("severity").asString()).isEqualTo("ERROR");
        assertThat(error.get("attributes").get("invoice_id").asString()).isEqualTo("i-7");
        assertThat(error.get("attributes").get("full_message").asString()).contains("ArithmeticException");
        assertThat(Duration.between(before, Instant.parse(error.get("timestamp").asString())))
                .isBetween(Duration.ZERO, Duration.ofSeconds(60));
    }
}
