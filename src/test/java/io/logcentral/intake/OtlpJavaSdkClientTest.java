package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.LogServerTest;
import io.logcentral.StoreIndependent;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenTelemetry Java SDK's {@code OtlpHttpLogRecordExporter} (protobuf), run as its own process. */
@StoreIndependent
@LogServerTest
class OtlpJavaSdkClientTest {

    @LocalServerPort
    int port;

    @Test
    void javaSdkExporterLogsReadBackWithServiceSeverityTimeMessageAttributesAndIds() throws Exception {
        String service = "otel-java-" + UUID.randomUUID();

        String output = ClientProcess.runJavaExample("otel-java", "OtlpSend.java", port, service);

        assertThat(output).contains("exported");
        JsonNode logs = ClientProcess.storedLogs(port, service);
        assertThat(logs).hasSize(2);
        JsonNode warning = logs.get(0);
        assertThat(warning.get("message").asString()).isEqualTo("retrying payment");
        assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
        JsonNode error = logs.get(1);
        assertThat(error.get("message").asString()).isEqualTo("payment declined for order o-42");
        assertThat(error.get("severity").asString()).isEqualTo("ERROR");
        assertThat(error.get("timestamp").asString()).isEqualTo("2026-11-30T10:15:30.123456Z");
        assertThat(error.get("trace_id").asString()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(error.get("span_id").asString()).isEqualTo("eee19b7ec3c1b174");
        JsonNode attributes = error.get("attributes");
        assertThat(attributes.get("order.id").asString()).isEqualTo("o-42");
        assertThat(attributes.get("amount.cents").asLong()).isEqualTo(1999);
        assertThat(attributes.get("host.name").asString()).isEqualTo("web-1");
        assertThat(attributes.get("telemetry.sdk.language").asString()).isEqualTo("java");
        assertThat(attributes.get("otel.scope.name").asString()).isEqualTo("checkout.payments");
        assertThat(attributes.get("severity_text").asString()).isEqualTo("ERROR");
    }
}
