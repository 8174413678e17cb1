package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.StoreIndependent;
import io.logcentral.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * npm {@code pino-elasticsearch} (the official Elasticsearch client's bulk helper, which refuses a server without
 * {@code X-Elastic-Product}), authenticating with {@code ApiKey}, run by Node as its own process.
 */
@StoreIndependent
@LogServerTest
class BulkPinoClientTest {

    @LocalServerPort
    int port;

    @Test
    void pinoElasticsearchBulkIsReadBackWithServiceSeverityTimeMessageAndIndex() throws Exception {
        Path example = ClientProcess.EXAMPLES.resolve("elasticsearch-node");
        ClientProcess.npmInstall(example);
        String index = "pino-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);

        String output =
                ClientProcess.run(example, 60, "node", "send.js", "http://127.0.0.1:" + port, TestTokens.WRITER, index);

        assertThat(output).contains("inserted 2");
        Api api = new Api(port);
        JsonNode error = api.get("/logs?service=checkout&attr.index=" + index)
                .token(TestTokens.ADMIN)
                .send()
                .json();
        JsonNode info = ClientProcess.storedLogs(port, index);
        assertThat(info).hasSize(1);
        assertThat(info.get(0).get("message").asString()).isEqualTo("order placed");
        assertThat(info.get(0).get("severity").asString()).isEqualTo("INFO");
        assertThat(Duration.between(
                        before, Instant.parse(info.get(0).get("timestamp").asString())))
                .isBetween(Duration.ZERO, Duration.ofSeconds(30));
        assertThat(info.get(0).get("attributes").get("index").asString()).isEqualTo(index);
        assertThat(info.get(0).get("attributes").has("hostname")).isTrue();
        assertThat(error).hasSize(1);
        assertThat(error.get(0).get("message").asString()).isEqualTo("payment declined");
        assertThat(error.get(0).get("severity").asString()).isEqualTo("ERROR");
        assertThat(error.get(0).get("attributes").get("order").asString()).isEqualTo("o-42");
    }
}
