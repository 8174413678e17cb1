package io.logcentral.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LogServerTest
class IngestApiTest {

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "svc-" + UUID.randomUUID();
    }

    private Api.Reply ingest(String body) {
        return api.post("/logs", body).token(TestTokens.ADMIN).json().send();
    }

    private JsonNode stored(long id) {
        Api.Reply reply = api.get("/logs/" + id).token(TestTokens.ADMIN).send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private String log(String message) {
        return "{\"service\":\"" + service + "\",\"severity\":\"INFO\",\"message\":\"" + message + "\"}";
    }

    @Test
    void ingestWhenOneObjectReturns201WithIdsAndSeedFields() {
        Api.Reply reply = ingest(log("hello"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.get("status").asString()).isEqualTo("Log processed successfully");
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isZero();
        assertThat(body.get("total_logs").asInt()).isEqualTo(1);
        assertThat(body.get("errors").isEmpty()).isTrue();
        assertThat(stored(body.get("ids").get(0).asLong()).get("message").asString())
                .isEqualTo("hello");
    }

    @Test
    void ingestWhenClientAcceptsOnlyTextStillAnswersJsonRatherThan406() {
        Api.Reply reply = api.post("/logs", log("picky client"))
                .token(TestTokens.ADMIN)
                .json()
                .header("Accept", "text/plain")
                .send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.contentType()).startsWith("application/json");
    }

    @Test
    void ingestWhenSeed004SampleKeepsDataAndLevel() {
        Api.Reply reply = ingest("""
                {"timestamp":"2024-11-08T14:23:30","level":"CRITICAL","service":"%s","request_id":"abc123",
                 "message":"User authentication failed","data":{"user_id":"user123","ip_address":"192.168.1.1"}}
                """.formatted(service));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode log = stored(reply.json().get("ids").get(0).asLong());
        assertThat(log.get("timestamp").asString()).isEqualTo("2024-11-08T14:23:30.000000Z");
        assertThat(log.get("level").asString()).isEqualTo("CRITICAL");
        assertThat(log.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(log.get("request_id").asString()).isEqualTo("abc123");
        assertThat(log.get("data")).isEqualTo(Api.json("{\"user_id\":\"user123\",\"ip_address\":\"192.168.1.1\"}"));
        assertThat(log.get("attributes")).isEqualTo(log.get("data"));
        assertThat(log.get("trace_id").isNull()).isTrue();
    }

    @Test
    void ingestWhenAttributesSentKeepsThemExactlyWithKeyOrder() {
        String attributes = "{\"z\":1,\"a\":{\"deep\":[1,2.50,{\"k\":null}]},\"big\":123456789012345678901234567890,"
                + "\"tiny\":1e-400,\"unicode\":\"ünï 🚀\"}";
        Api.Reply reply = ingest("{\"service\":\"" + service + "\",\"message\":\"m\",\"attributes\":" + attributes
                + ",\"extra\":\"top\"}");

        String stored = api.get("/logs/" + reply.json().get("ids").get(0).asLong())
                .token(TestTokens.ADMIN)
                .send()
                .body();
        assertThat(stored)
                .contains("\"attributes\":{\"z\":1,\"a\":{\"deep\":[1,2.50,{\"k\":null}]},"
                        + "\"big\":123456789012345678901234567890,\"tiny\":1E-400,\"unicode\":\"ünï 🚀\","
                        + "\"extra\":\"top\"}");
    }

    @Test
    void ingestWhenArrayHasBadItemsStoresTheGoodOnesAndNamesTheFields() {
        Api.Reply reply = ingest("[" + log("good one") + ",{\"service\":\"" + service + "\"}," + "{\"service\":\""
                + service + "\",\"message\":\"x\",\"level\":\"LOUD\"}," + log("good two") + ",42]");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(3);
        assertThat(body.get("ids")).hasSize(2);
        JsonNode errors = body.get("errors");
        assertThat(errors.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("message");
        assertThat(errors.get(1).get("index").asInt()).isEqualTo(2);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("level");
        assertThat(errors.get(1).get("error").asString()).contains("unknown severity");
        assertThat(errors.get(2).get("index").asInt()).isEqualTo(4);
        long first = body.get("ids").get(0).asLong();
        assertThat(body.get("ids").get(1).asLong()).isGreaterThan(first);
        assertThat(stored(first).get("message").asString()).isEqualTo("good one");
    }

    @Test
    void ingestWhenWrappedInLogsStoresEachItem() {
        Api.Reply reply = ingest("{\"logs\":[" + log("a") + "," + log("b") + "]}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void ingestWhenNdjsonStoresEachLineAndReportsTheBrokenOne() {
        Api.Reply reply = api.post("/logs", log("one") + "\n{broken\n\n" + log("two") + "\n")
                .token(TestTokens.ADMIN)
                .header("Content-Type", "application/x-ndjson")
                .send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(reply.json().get("errors").get(0).get("index").asInt()).isEqualTo(1);
    }

    @Test
    void ingestWhenPlainTextLinesReadsTimestampAndLevel() {
        Api.Reply reply = api.post(
                        "/logs?service=" + service, "2024-11-08T14:23:30.5Z ERROR payment failed\ndisk almost full\n")
                .token(TestTokens.ADMIN)
                .header("Content-Type", "text/plain; charset=utf-8")
                .send();

        assertThat(reply.status()).isEqualTo(201);
        JsonNode first = stored(reply.json().get("ids").get(0).asLong());
        assertThat(first.get("severity").asString()).isEqualTo("ERROR");
        assertThat(first.get("timestamp").asString()).isEqualTo("2024-11-08T14:23:30.500000Z");
        assertThat(first.get("message").asString()).isEqualTo("payment failed");
        assertThat(first.get("service").asString()).isEqualTo(service);
        assertThat(stored(reply.json().get("ids").get(1).asLong())
                        .get("severity")
                        .asString())
                .isEqualTo("INFO");
    }

    @Test
    void ingestWhenPythonHttpHandlerPostsFormWithBasicAuthStoresTheRecord() {
        String basic =
                Base64.getEncoder().encodeToString(("user:" + TestTokens.WRITER).getBytes(StandardCharsets.UTF_8));
        Api.Reply reply = api.post(
                        "/logs",
                        "name=" + service + "&msg=disk+is+full&levelname=WARNING&levelno=30&created=1700000000.25"
                                + "&lineno=42&exc_info=None")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .send();

        assertThat(reply.status()).isEqualTo(201);
        JsonNode log = stored(reply.json().get("ids").get(0).asLong());
        assertThat(log.get("service").asString()).isEqualTo(service);
        assertThat(log.get("severity").asString()).isEqualTo("WARNING");
        assertThat(log.get("message").asString()).isEqualTo("disk is full");
        assertThat(log.get("timestamp").asString()).isEqualTo("2023-11-14T22:13:20.250000Z");
        assertThat(log.get("attributes")).isEqualTo(Api.json("{\"lineno\":\"42\"}"));
    }

    @Test
    void ingestWhenCurlSendsJsonAsFormStillReadsJson() {
        Api.Reply reply = api.post("/logs", log("curl default"))
                .token(TestTokens.ADMIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .send();

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void ingestWhenGzippedStoresTheLog() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(log("zipped").getBytes(StandardCharsets.UTF_8));
        }
        Api.Reply reply = api.request("POST", "/logs")
                .token(TestTokens.ADMIN)
                .json()
                .header("Content-Encoding", "gzip")
                .body(zipped.toByteArray())
                .send();

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void ingestWhenEveryItemFailsReturns400WithInvalidLogData() {
        Api.Reply reply = ingest("[{\"message\":\"no service\"},{\"service\":\"x\"}]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.get("error").asString()).isEqualTo("Invalid log data");
        assertThat(body.get("accepted").asInt()).isZero();
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        assertThat(body.get("total_logs").asInt()).isZero();
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("service");
        assertThat(body.get("errors").get(1).get("error").asString()).isEqualTo("message is required");
    }

    @Test
    void ingestWhenBodyIsEmptyOrUnreadableReturns400() {
        for (String body : new String[] {"", "[]", "{\"service\":", "\"just a string\"", "[1,2", "{} {}"}) {
            Api.Reply reply = ingest(body);

            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().get("error").asString()).as(body).isEqualTo("Invalid log data");
        }
    }

    @Test
    void ingestWhenNestedTooDeepReturns400() {
        String deep = "[".repeat(100) + "]".repeat(100);
        Api.Reply reply = ingest("{\"service\":\"" + service + "\",\"message\":\"m\",\"a\":" + deep + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("nesting");
    }

    @Test
    void ingestWhenBodyOverTenMegabytesReturns413() {
        String huge = "{\"service\":\"" + service + "\",\"message\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        Api.Reply reply = ingest(huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("field").asString()).isEqualTo("logcentral.ingest.max-body-size");
    }

    @Test
    void ingestWhenMoreThanTenThousandLogsReturns413AndStoresNothing() {
        String batch = "[" + String.join(",", java.util.Collections.nCopies(10_001, log("many"))) + "]";
        Api.Reply reply = ingest(batch);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asString()).contains("10000");
        Api.Reply stored =
                api.get("/logs?service=" + service).token(TestTokens.ADMIN).send();
        assertThat(stored.json()).isEmpty();
    }

    @Test
    void ingestWhenMessageOver32KibIsAnItemError() {
        String big = "é".repeat(16 * 1024 + 1);
        Api.Reply reply = ingest("[" + log(big) + "," + log("small") + "]");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("errors").get(0).get("error").asString()).contains("32768 bytes");
    }

    @Test
    void ingestWhenContentTypeUnsupportedReturns415() {
        Api.Reply reply = api.post("/logs", "<log/>")
                .token(TestTokens.ADMIN)
                .header("Content-Type", "application/xml")
                .send();

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("error").asString()).contains("application/xml");
    }

    @Test
    void ingestWhenTokenBoundFillsServiceAndRefusesAnother() {
        Api.Reply reply = api.post(
                        "/logs",
                        "[{\"message\":\"mine\"},{\"service\":\"REPORTS\",\"message\":\"mine too\"},"
                                + "{\"service\":\"payments\",\"message\":\"not mine\"}]")
                .token(TestTokens.REPORTS)
                .json()
                .send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(2);
        assertThat(error.get("field").asString()).isEqualTo("service");
        assertThat(error.get("error").asString()).isEqualTo("service mismatch for token");
        assertThat(stored(reply.json().get("ids").get(0).asLong())
                        .get("service")
                        .asString())
                .isEqualTo("reports");
    }

    @Test
    void ingestWhenTokenConfiguredWithSuccessStatus200Returns200() {
        Api.Reply reply = api.post("/logs", log("seed 000"))
                .token(TestTokens.SEED_000)
                .json()
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("Log processed successfully");
    }

    @Test
    void ingestWhenClientSendsOddInputNeverAnswers500() {
        String[] bodies = {
            "{\"service\":{\"a\":1},\"message\":\"m\"}",
            "{\"service\":\"s\",\"message\":[1]}",
            "{\"service\":\"s\",\"message\":\"m\",\"timestamp\":1e400}",
            "{\"service\":\"s\",\"message\":\"m\",\"timestamp\":\"99999-01-01\"}",
            "{\"service\":\"s\",\"message\":\"m\",\"timestamp\":-5}",
            "{\"service\":\"s\",\"message\":\"m\",\"level\":99999999999999999999999}",
            "{\"service\":\"s\",\"message\":\"m\",\"level\":2.5}",
            "{\"service\":\"s\",\"message\":\"m\",\"attributes\":\"text\"}",
            "{\"service\":\"s\",\"message\":\"m\",\"request_id\":{}}",
            "\u0000\u0001",
            "{\"service\":\"s\",\"message\":\"\\ud800\"}",
        };
        for (String body : bodies) {
            assertThat(ingest(body).status()).as(body).isBetween(200, 499);
        }
        assertThat(api.post("/logs", "x")
                        .token(TestTokens.ADMIN)
                        .header("Content-Type", "garbage/;;;")
                        .send()
                        .status())
                .isBetween(400, 499);
        assertThat(api.post("/logs", "x")
                        .token(TestTokens.ADMIN)
                        .header("Content-Encoding", "gzip")
                        .send()
                        .status())
                .isEqualTo(400);
    }
}
