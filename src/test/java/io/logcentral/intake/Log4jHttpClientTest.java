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
 * Log4j 2's {@code Http} appender with {@code JsonTemplateLayout} posting to {@code POST /logs} with a Bearer header, in
 * a JVM of its own with its own Log4j.
 */
@StoreIndependent
@LogServerTest
class Log4jHttpClientTest {

    @LocalServerPort
    int port;

    @Test
    void log4jHttpAppenderLogsAreReadBackWithServiceSeverityTimeMessageAndContext() throws Exception {
        String service = "log4j-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);

        String output = ClientProcess.runJavaExample("log4j2-http", "Log4jSend.java", port, service);

        assertThat(output).contains("sent");
        JsonNode logs = ClientProcess.storedLogs(port, service);
        assertThat(logs).hasSize(2);
        JsonNode warning = logs.get(0);
        assertThat(warning.get("message").asString()).isEqualTo("label queue at 250 items");
        assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
        JsonNode error = logs.get(1);
        assertThat(error.get("message").asString()).isEqualTo("label printer offline");
        assertThat(error.get("severity").asString()).isEqualTo("ERROR");
        assertThat(error.get("attributes").get("parcel_id").asString()).isEqualTo("p-9");
        assertThat(error.get("attributes").get("logger").asString()).isEqualTo("shipping.labels");
        assertThat(error.get("attributes").get("stack_trace").asString()).contains("printer 3 not answering");
        assertThat(Duration.between(before, Instant.parse(error.get("timestamp").asString())))
                .isBetween(Duration.ZERO, Duration.ofSeconds(60));
    }
}
