package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.StoreIndependent;
import io.logcentral.TestTokens;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** npm {@code winston-loki} (protobuf + snappy by default, JSON on request), run by Node as its own process. */
@StoreIndependent
@LogServerTest
class LokiWinstonClientTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"protobuf", "json"})
    void winstonLokiPushesAreReadBackWithServiceSeverityTimeMessageAndLabels(String encoding) throws Exception {
        Path example = ClientProcess.EXAMPLES.resolve("loki-node");
        ClientProcess.npmInstall(example);
        String app = "winston-" + encoding + "-" + UUID.randomUUID();

        String output = ClientProcess.run(
                example, 60, "node", "send.js", "http://127.0.0.1:" + port, TestTokens.WRITER, app, encoding);

        assertThat(output).contains("pushed");
        JsonNode logs = ClientProcess.storedLogs(port, app);
        assertThat(logs).hasSize(2);
        JsonNode warning = logs.get(0);
        assertThat(warning.get("message").asString()).isEqualTo("slow request /api/orders");
        assertThat(warning.get("severity").asString()).isEqualTo("WARNING");
        assertThat(warning.get("timestamp").asString()).isEqualTo("2026-11-30T08:00:01.000000Z");
        JsonNode error = logs.get(1);
        assertThat(error.get("message").asString()).isEqualTo("disk almost full on /var");
        assertThat(error.get("severity").asString()).isEqualTo("ERROR");
        assertThat(error.get("timestamp").asString()).isEqualTo("2026-11-30T08:00:00.250000Z");
        assertThat(error.get("attributes")).isEqualTo(Api.json("{\"level\":\"error\",\"env\":\"test\"}"));
    }
}
