package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.LogServerTest;
import io.logcentral.StoreIndependent;
import io.logcentral.TestTokens;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** npm {@code @opentelemetry/exporter-logs-otlp-http} (OTLP/HTTP JSON, hex ids), run by Node as its own process. */
@StoreIndependent
@LogServerTest
class OtlpNodeJsonClientTest {

    @LocalServerPort
    int port;

    @Test
    void jsSdkJsonExporterLogsReadBackWithServiceSeverityTimeMessageAttributesAndIds() throws Exception {
        Path example = ClientProcess.EXAMPLES.resolve("otel-node");
        ClientProcess.npmInstall(example);
        String service = "otel-node-" + UUID.randomUUID();

        String output = ClientProcess.run(
                example, 60, "node", "send.js", "http://127.0.0.1:" + port, TestTokens.WRITER, service);

        assertThat(output).contains("exported").doesNotContain("rror");
        JsonNode logs = ClientProcess.storedLogs(port, service);
        assertThat(logs).hasSize(2);
        JsonNode structured = logs.get(0);
        assertThat(structured.get("message").asString()).isEqualTo("{\"event\":\"checkout\",\"ok\":true}");
        assertThat(structured.get("severity").asString()).isEqualTo("INFO");
        JsonNode warning = logs.get(1);
        assertThat(warning.get("message").asString()).isEqualTo("cart is large");
        assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
        assertThat(warning.get("timestamp").asString()).isEqualTo("2026-11-30T11:00:00.500000Z");
        assertThat(warning.get("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(warning.get("span_id").asString()).isEqualTo("00f067aa0ba902b7");
        JsonNode attributes = warning.get("attributes");
        assertThat(attributes.get("cart.items").asInt()).isEqualTo(42);
        assertThat(attributes.get("cart.id").asString()).isEqualTo("c-7");
        assertThat(attributes.get("deployment.environment").asString()).isEqualTo("test");
        assertThat(attributes.get("otel.scope.name").asString()).isEqualTo("shop.cart");
        assertThat(attributes.get("otel.scope.version").asString()).isEqualTo("2.0.0");
    }
}
