package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xerial.snappy.Snappy;
import tools.jackson.databind.JsonNode;

/** {@code POST /loki/api/v1/push}: labels, structured metadata, malformed pushes and bound tokens. */
@LogServerTest
class LokiApiTest {

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "loki-" + UUID.randomUUID();
    }

    private Api.Reply pushJson(String body, String token) {
        return api.post("/loki/api/v1/push", body).token(token).json().send();
    }

    private JsonNode logs() {
        return api.get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .send()
                .json();
    }

    @Test
    void jsonPushWithStructuredMetadataIsStoredAnd204() {
        Api.Reply reply = pushJson("""
                {"streams":[{"stream":{"job":"varlogs","service_name":"%s","env":"prod"},
                 "values":[["1732960800123456789","GET /health 200"],
                           ["1732960801000000000","upstream timed out",{"detected_level":"error","trace_id":"abc"}]]}]}""".formatted(service), TestTokens.WRITER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        JsonNode logs = logs();
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).get("message").asString()).isEqualTo("upstream timed out");
        assertThat(logs.get(0).get("severity").asString()).isEqualTo("ERROR");
        assertThat(logs.get(0).get("attributes"))
                .isEqualTo(Api.json("{\"job\":\"varlogs\",\"env\":\"prod\",\"detected_level\":\"error\","
                        + "\"trace_id\":\"abc\"}"));
        assertThat(logs.get(1).get("timestamp").asString()).isEqualTo("2024-11-30T10:00:00.123456Z");
        assertThat(logs.get(1).get("severity").asString()).isEqualTo("INFO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service_name", "service", "app", "job"})
    void serviceComesFromTheFirstServiceLabel(String label) {
        String body = "{\"streams\":[{\"stream\":{\"" + label + "\":\"" + service
                + "\",\"zzz\":\"x\"},\"values\":[[\"1732960800000000000\",\"line\"]]}]}";

        assertThat(pushJson(body, TestTokens.WRITER).status()).isEqualTo(204);
        assertThat(logs()).hasSize(1);
    }

    @Test
    void protobufSnappyPushCarriesLabelsAndStructuredMetadata() throws IOException {
        byte[] push = Snappy.compress(pushRequest("{app=\"" + service + "\", level=\"warn\"}", "cache miss"));

        Api.Reply reply = api.request("POST", "/loki/api/v1/push")
                .token(TestTokens.WRITER)
                .header("Content-Type", "application/x-protobuf")
                .body(push)
                .send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        JsonNode log = logs().get(0);
        assertThat(log.get("message").asString()).isEqualTo("cache miss");
        assertThat(log.get("severity").asString()).isEqualTo("WARNING");
        assertThat(log.get("timestamp").asString()).isEqualTo("2024-11-30T10:00:00.000500Z");
        assertThat(log.get("attributes")).isEqualTo(Api.json("{\"level\":\"warn\",\"pod\":\"api-7\"}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"streams\":{}}",
                "{\"streams\":[{\"stream\":{\"app\":\"a\"},\"values\":\"x\"}]}",
                "{\"streams\":[{\"stream\":{\"app\":\"a\"},\"values\":[[\"yesterday\",\"line\"]]}]}",
                "{\"streams\":[{\"stream\":{\"app\":\"a\"},\"values\":[[\"1\"]]}]}",
                "{\"streams\":[{\"stream\":[\"app\"],\"values\":[]}]}",
                "not json"
            })
    void malformedJsonPushIs400(String body) {
        Api.Reply reply = pushJson(body, TestTokens.WRITER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).isNotBlank();
    }

    @Test
    void protobufThatIsNotSnappyOrHasBadLabelsIs400() throws IOException {
        byte[][] bodies = {
            {1, 2, 3, 4}, Snappy.compress(new byte[] {0x0a, (byte) 0xff}), Snappy.compress(pushRequest("app=x", "l"))
        };
        for (byte[] body : bodies) {
            Api.Reply reply = api.request("POST", "/loki/api/v1/push")
                    .token(TestTokens.WRITER)
                    .header("Content-Type", "application/x-protobuf")
                    .body(body)
                    .send();
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        }
    }

    @Test
    void boundTokenKeepsItsOwnEntriesAndRefusesAnotherServices() {
        String body = "{\"streams\":[{\"stream\":{\"app\":\"" + service + "\"},\"values\":[[\"1732960800000000000\","
                + "\"theirs\"]]},{\"stream\":{\"env\":\"x\"},\"values\":[[\"1732960800000000000\",\"ours " + service
                + "\"]]}]}";

        Api.Reply reply = pushJson(body, TestTokens.REPORTS);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).contains("1 entries rejected, 1 stored", "service mismatch");
        assertThat(logs()).isEmpty();
        assertThat(api.get("/logs?service=reports&q=" + service)
                        .token(TestTokens.ADMIN)
                        .send()
                        .json())
                .hasSize(1);
    }

    @Test
    void otherContentTypeIs415AndReaderIs403() {
        assertThat(api.post("/loki/api/v1/push", "x")
                        .token(TestTokens.WRITER)
                        .header("Content-Type", "text/plain")
                        .send()
                        .status())
                .isEqualTo(415);
        assertThat(pushJson("{\"streams\":[]}", TestTokens.READER).status()).isEqualTo(403);
    }

    /** A PushRequest as push.proto numbers it, with one entry at 2024-11-30T10:00:00.0005Z and metadata pod=api-7. */
    private static byte[] pushRequest(String labels, String line) throws IOException {
        byte[] timestamp = message(out -> {
            out.writeInt64(1, 1_732_960_800L);
            out.writeInt32(2, 500_000);
        });
        byte[] pair = message(out -> {
            out.writeString(1, "pod");
            out.writeString(2, "api-7");
        });
        byte[] entry = message(out -> {
            out.writeByteArray(1, timestamp);
            out.writeString(2, line);
            out.writeByteArray(3, pair);
        });
        byte[] stream = message(out -> {
            out.writeString(1, labels);
            out.writeByteArray(2, entry);
        });
        return message(out -> out.writeByteArray(1, stream));
    }

    private interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Fields fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        fields.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
