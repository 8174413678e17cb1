package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /gelf}: compression found in the bytes, GELF fields, the query-string token, malformed messages. */
@LogServerTest
class GelfApiTest {

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "gelf-" + UUID.randomUUID();
    }

    private String message(String extra) {
        return "{\"version\":\"1.1\",\"host\":\"example.org\",\"short_message\":\"A short message\","
                + "\"full_message\":\"Backtrace here\\n\\nmore stuff\",\"timestamp\":1385053862.3072,\"level\":1,"
                + "\"_user_id\":9001,\"_some_info\":\"foo\",\"_service\":\"" + service + "\"" + extra + "}";
    }

    private Api.Reply post(byte[] body, String encoding) {
        Api.Call call = api.request("POST", "/gelf?token=" + TestTokens.WRITER).body(body);
        return encoding == null
                ? call.send()
                : call.header("Content-Encoding", encoding).send();
    }

    private JsonNode logs() {
        return api.get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .send()
                .json();
    }

    @ParameterizedTest(name = "{0} labelled {1}")
    @CsvSource({"plain,", "gzip,", "zlib,", "gzip,gzip", "zlib,gzip", "zlib,'gzip,deflate'", "plain,deflate"})
    void compressionIsFoundInTheBytesWhateverTheHeaderSays(String compression, String header) throws IOException {
        byte[] json = message("").getBytes(StandardCharsets.UTF_8);
        byte[] body = switch (compression) {
            case "gzip" -> compress(json, true);
            case "zlib" -> compress(json, false);
            default -> json;
        };

        Api.Reply reply = post(body, header);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode log = logs().get(0);
        assertThat(log.get("message").asString()).isEqualTo("A short message");
        assertThat(log.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(log.get("host").asString()).isEqualTo("example.org");
        assertThat(log.get("timestamp").asString()).isEqualTo("2013-11-21T17:11:02.307200Z");
        assertThat(log.get("attributes"))
                .isEqualTo(Api.json("{\"full_message\":\"Backtrace here\\n\\nmore stuff\",\"user_id\":9001,"
                        + "\"some_info\":\"foo\",\"service\":\"" + service + "\"}"));
    }

    @ParameterizedTest(name = "level {0} -> {1}")
    @CsvSource({"0,CRITICAL", "2,CRITICAL", "3,ERROR", "4,WARNING", "5,INFO", "6,INFO", "7,DEBUG"})
    void syslogLevelsAreSeverities(int level, String severity) {
        String body = "{\"short_message\":\"m\",\"level\":" + level + ",\"_app\":\"" + service + "\"}";

        assertThat(post(body.getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(202);
        assertThat(logs().get(0).get("severity").asString()).isEqualTo(severity);
    }

    @Test
    void facilityIsTheServiceWhenNoFieldNamesOneAndFullMessageStandsInForShort() {
        String body = "{\"full_message\":\"only the long one\",\"facility\":\"" + service + "\"}";

        assertThat(post(body.getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(202);
        assertThat(logs().get(0).get("message").asString()).isEqualTo("only the long one");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{\"short_message\":\"no service\"}",
                "{\"_service\":\"s\",\"level\":1}",
                "{\"_service\":\"s\",\"short_message\":\"m\",\"timestamp\":\"yesterday\"}"
            })
    void malformedMessagesAre400(String body) {
        Api.Reply reply = post(body.getBytes(StandardCharsets.UTF_8), null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    }

    @Test
    void brokenCompressionIs400AndABombIs413() throws IOException {
        byte[] broken = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
        byte[] bomb = compress(new byte[11 * 1024 * 1024], true);

        assertThat(post(broken, null).status()).isEqualTo(400);
        assertThat(post(bomb, null).status()).isEqualTo(413);
    }

    @Test
    void queryTokenCountsOnGelfOnlyAndBoundTokensHold() {
        byte[] body = message("").getBytes(StandardCharsets.UTF_8);

        Api.Reply logsWithQueryToken = api.request("POST", "/logs?token=" + TestTokens.WRITER)
                .json()
                .body(("{\"service\":\"" + service + "\",\"message\":\"m\"}").getBytes(StandardCharsets.UTF_8))
                .send();
        Api.Reply bound = api.request("POST", "/gelf?token=" + TestTokens.REPORTS)
                .body(body)
                .send();
        Api.Reply reader = api.request("POST", "/gelf?token=" + TestTokens.READER)
                .body(body)
                .send();
        Api.Reply unknown =
                api.request("POST", "/gelf?token=not-a-token").body(body).send();

        assertThat(logsWithQueryToken.status()).isEqualTo(401);
        assertThat(bound.status()).isEqualTo(400);
        assertThat(bound.body()).contains("service mismatch");
        assertThat(reader.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(logs()).isEmpty();
    }

    private static byte[] compress(byte[] bytes, boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressing = gzip ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            compressing.write(bytes);
        }
        return out.toByteArray();
    }
}
