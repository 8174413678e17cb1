package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.xerial.snappy.Snappy;

/** The body size and batch limits of {@code POST /logs} hold on every new way in, compressed bodies included. */
@OwnServerTest
@TestPropertySource(properties = {"logcentral.ingest.max-body-size=2KB", "logcentral.ingest.max-batch=2"})
class IntakeLimitsApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private Api.Reply post(String path, String contentType, byte[] body) {
        return api.request("POST", path)
                .token(TestTokens.ADMIN)
                .header("Content-Type", contentType)
                .body(body)
                .send();
    }

    private static byte[] big() {
        return ("{\"short_message\":\"" + "x".repeat(3000) + "\",\"_service\":\"s\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bodiesOverTheSizeLimitAre413OnEveryPath() throws IOException {
        assertThat(post("/v1/logs", "application/x-protobuf", big()).status()).isEqualTo(413);
        assertThat(post("/v1/logs", "application/json", big()).status()).isEqualTo(413);
        assertThat(post("/loki/api/v1/push", "application/json", big()).status())
                .isEqualTo(413);
        assertThat(post("/_bulk", "application/x-ndjson", big()).status()).isEqualTo(413);
        assertThat(post("/gelf", "application/json", big()).status()).isEqualTo(413);
        // Small on the wire, over the limit once decompressed.
        assertThat(post("/loki/api/v1/push", "application/x-protobuf", Snappy.compress(new byte[4096]))
                        .status())
                .isEqualTo(413);
    }

    @Test
    void moreLogsThanTheBatchLimitAre413() {
        String loki = "{\"streams\":[{\"stream\":{\"app\":\"a\"},\"values\":[[\"1732960800000000000\",\"1\"],"
                + "[\"1732960800000000000\",\"2\"],[\"1732960800000000000\",\"3\"]]}]}";
        String bulk = "{\"index\":{}}\n{\"message\":\"1\"}\n".repeat(3);
        String otlp = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"1\"}},"
                + "{\"body\":{\"stringValue\":\"2\"}},{\"body\":{\"stringValue\":\"3\"}}]}]}]}";

        assertThat(post("/loki/api/v1/push", "application/json", bytes(loki)).status())
                .isEqualTo(413);
        assertThat(post("/_bulk", "application/x-ndjson", bytes(bulk)).status()).isEqualTo(413);
        assertThat(post("/v1/logs", "application/json", bytes(otlp)).status()).isEqualTo(413);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
