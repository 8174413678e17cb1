package io.logcentral.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Text bodies of {@code POST /logs} in the formats other programs write, found per line or named by ?format=. */
@LogServerTest
class TextFormatsApiTest {

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "txt-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Api.Reply post(String query, String token, String... lines) {
        return api.request("POST", "/logs" + query)
                .token(token)
                .header("Content-Type", "text/plain")
                .body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private JsonNode stored(JsonNode answer, int index) {
        Api.Reply reply = api.get("/logs/" + answer.get("ids").get(index).asLong())
                .token(TestTokens.ADMIN)
                .send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void ingestWhenLinesOfMixedFormatsReadsEachInItsOwn() {
        Api.Reply reply = post(
                "?service=" + service,
                TestTokens.ADMIN,
                "<11>1 2024-11-08T14:23:30.5Z web-1 " + service + " 42 - - payment failed",
                "10.0.0.1 - - [08/Nov/2024:14:23:31 +0000] \"GET /cart HTTP/1.1\" 503 12 \"-\" \"curl/8.0\"",
                "time=\"2024-11-08T14:23:32Z\" level=warning msg=\"queue deep\" depth=812",
                "{\"timestamp\":\"2024-11-08T14:23:33Z\",\"level\":\"debug\",\"message\":\"json line\"}",
                "2024-11-08 14:23:34,000 CRITICAL disk gone");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode answer = reply.json();
        assertThat(answer.get("accepted").asInt()).isEqualTo(5);
        JsonNode syslog = stored(answer, 0);
        assertThat(syslog.get("severity").asString()).isEqualTo("ERROR");
        assertThat(syslog.get("host").asString()).isEqualTo("web-1");
        assertThat(syslog.get("timestamp").asString()).isEqualTo("2024-11-08T14:23:30.500000Z");
        JsonNode access = stored(answer, 1);
        assertThat(access.get("severity").asString()).isEqualTo("ERROR");
        assertThat(access.get("service").asString()).isEqualTo(service);
        assertThat(access.get("attributes").get("status").asInt()).isEqualTo(503);
        assertThat(access.get("attributes").get("path").asString()).isEqualTo("/cart");
        JsonNode logfmt = stored(answer, 2);
        assertThat(logfmt.get("message").asString()).isEqualTo("queue deep");
        assertThat(logfmt.get("severity").asString()).isEqualTo("WARNING");
        assertThat(logfmt.get("attributes").get("depth").asString()).isEqualTo("812");
        assertThat(stored(answer, 3).get("severity").asString()).isEqualTo("DEBUG");
        assertThat(stored(answer, 4).get("message").asString()).isEqualTo("disk gone");
    }

    @Test
    void ingestWhenFormatForcedMalformedLinesAreItemErrorsByLineAndGoodOnesStored() {
        Api.Reply reply = post(
                "?format=access&service=" + service,
                TestTokens.ADMIN,
                "10.0.0.1 - - [08/Nov/2024:14:23:31 +0000] \"GET / HTTP/1.1\" 200 12",
                "level=info msg=\"not an access line\"",
                "10.0.0.2 - - [08/Nov/2024:14:23:32 +0000] \"GET /missing HTTP/1.1\" 404 0");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode answer = reply.json();
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("errors").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(answer.get("errors").get(0).get("field").asString()).isEqualTo("access");
        assertThat(stored(answer, 1).get("severity").asString()).isEqualTo("WARNING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"syslog", "logfmt", "access", "json"})
    void ingestWhenEveryLineIsMalformedInTheFormatReturns400WithItemErrors(String format) {
        Api.Reply reply =
                post("?format=" + format + "&service=" + service, TestTokens.ADMIN, "just words", "more words");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors")).hasSize(2);
        assertThat(reply.json().get("errors").get(1).get("index").asInt()).isEqualTo(1);
    }

    @Test
    void ingestWhenFormatPlainKeepsAJsonLookingLineAsText() {
        Api.Reply reply = post("?format=PLAIN&service=" + service, TestTokens.ADMIN, "{not json at all");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(stored(reply.json(), 0).get("message").asString()).isEqualTo("{not json at all");
    }

    @Test
    void ingestWhenFormatUnknownReturns400NamingFormat() {
        Api.Reply reply = post("?format=yaml&service=" + service, TestTokens.ADMIN, "a line");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asString()).isEqualTo("format");
        assertThat(reply.json().get("error").asString()).contains("syslog|logfmt|access|json|plain");
    }

    @Test
    void ingestWhenTokenIsBoundASyslogAppNameIsKeptAsAttribute() {
        Api.Reply reply = post("?format=syslog", TestTokens.REPORTS, "<14>Nov  8 14:23:30 web-1 nginx[9]: reloaded");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode log = stored(reply.json(), 0);
        assertThat(log.get("service").asString()).isEqualTo("reports");
        assertThat(log.get("attributes").get("app_name").asString()).isEqualTo("nginx");
    }
}
