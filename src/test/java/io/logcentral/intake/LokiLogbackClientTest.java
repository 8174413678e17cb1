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

/** loki4j's {@code loki-logback-appender} (Loki JSON push, basic auth), in a JVM of its own with its own Logback. */
@StoreIndependent
@LogServerTest
class LokiLogbackClientTest {

    @LocalServerPort
    int port;

    @Test
    void loki4jPushesAreReadBackWithServiceSeverityTimeMessageAndMetadata() throws Exception {
        String service = "loki4j-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);

        String output = ClientProcess.runJavaExample(
                "loki-logback", "LokiSend.java", port, service, "-Dlogback.configurationFile=logback.xml");

        assertThat(output).contains("sent");
        JsonNode logs = ClientProcess.storedLogs(port, service);
        assertThat(logs).hasSize(2);
        JsonNode warning = logs.get(0);
        assertThat(warning.get("message").asString()).isEqualTo("retrying payment");
        assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
        assertThat(warning.get("attributes").get("attempt").asString()).isEqualTo("2");
        JsonNode error = logs.get(1);
        assertThat(error.get("message").asString()).isEqualTo("payment declined for order o-42");
        assertThat(error.get("severity").asString()).isEqualTo("ERROR");
        assertThat(error.get("attributes").get("order_id").asString()).isEqualTo("o-42");
        assertThat(error.get("attributes").get("logger").asString()).isEqualTo("checkout.payments");
        assertThat(Duration.between(before, Instant.parse(error.get("timestamp").asString())))
                .isBetween(Duration.ZERO, Duration.ofSeconds(60));
    }
}
