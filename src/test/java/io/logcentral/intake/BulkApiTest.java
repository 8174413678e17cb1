package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /_bulk} and {@code /{index}/_bulk}: NDJSON pairs, items per document, the product header, auth. */
@LogServerTest
class BulkApiTest {

    @LocalServerPort
    int port;

    Api api;
    String index;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        index = "bulk-" + UUID.randomUUID();
    }

    private Api.Reply bulk(String path, String body, String contentType, String authorization) {
        return api.post(path, body)
                .header("Content-Type", contentType)
                .header("Authorization", authorization)
                .send();
    }

    private Api.Reply bulk(String body) {
        return bulk("/" + index + "/_bulk", body, "application/x-ndjson", "ApiKey " + TestTokens.WRITER);
    }

    private JsonNode logs(String query) {
        return api.get("/logs?" + query).token(TestTokens.ADMIN).send().json();
    }

    @Test
    void anIndexNamedLogsIsABulkTargetLikeAnyOther() {
        String service = "bulk-logs-" + UUID.randomUUID();
        String body = "{\"index\":{}}\n{\"message\":\"into logs\",\"service.name\":\"" + service + "\"}\n";

        Api.Reply reply = bulk("/logs/_bulk", body, "application/x-ndjson", "ApiKey " + TestTokens.WRITER);
        Api.Reply refresh = api.get("/logs/_refresh")
                .header("Authorization", "ApiKey " + TestTokens.WRITER)
                .send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("items").get(0).get("index").get("_index").asString())
                .isEqualTo("logs");
        assertThat(refresh.status()).isEqualTo(200);
        assertThat(logs("service=" + service)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/x-ndjson",
                "application/vnd.elasticsearch+x-ndjson; compatible-with=8"
            })
    void everyContentTypeStoresThePairsAndAnswersEachItem(String contentType) {
        String body = "{\"index\":{\"_index\":\"" + index + "\",\"_type\":\"_doc\"}}\n"
                + "{\"@timestamp\":\"2026-11-30T09:00:00.5Z\",\"message\":\"one\"}\n"
                + "{\"create\":{\"_id\":\"a1\"}}\n"
                + "{\"@timestamp\":\"2026-11-30T09:00:01Z\",\"message\":\"two\",\"log.level\":\"warn\"}\n\n";

        Api.Reply reply = bulk("/" + index + "/_bulk", body, contentType, "ApiKey " + TestTokens.WRITER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("X-Elastic-Product")).isEqualTo("Elasticsearch");
        JsonNode answer = reply.json();
        assertThat(answer.get("errors").asBoolean()).isFalse();
        assertThat(answer.get("took").isIntegralNumber()).isTrue();
        assertThat(answer.get("items").get(0).get("index").get("status").asInt())
                .isEqualTo(201);
        assertThat(answer.get("items").get(1).get("create").get("_id").asString())
                .isEqualTo("a1");
        assertThat(answer.get("items").get(1).get("create").get("_index").asString())
                .isEqualTo(index);
        JsonNode logs = logs("service=" + index);
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).get("severity").asString()).isEqualTo("WARNING");
        assertThat(logs.get(1).get("timestamp").asString()).isEqualTo("2026-11-30T09:00:00.500000Z");
        assertThat(logs.get(1).get("attributes")).isEqualTo(Api.json("{\"index\":\"" + index + "\"}"));
    }

    @Test
    void ecsDocumentFillsServiceSeverityHostAndIds() {
        String service = "ecs-" + UUID.randomUUID();
        Api.Reply reply = bulk("{\"create\":{}}\n{\"@timestamp\":\"2026-11-30T09:00:00Z\",\"message\":\"boom\","
                + "\"log\":{\"level\":\"error\",\"logger\":\"app.db\"},\"service\":{\"name\":\"" + service
                + "\",\"version\":\"1.2\"},\"host\":{\"name\":\"web-1\",\"ip\":[\"10.0.0.1\"]},"
                + "\"trace\":{\"id\":\"t-1\"},\"span.id\":\"s-1\"}\n");

        assertThat(reply.json().get("errors").asBoolean()).as(reply.body()).isFalse();
        JsonNode log = logs("service=" + service).get(0);
        assertThat(log.get("severity").asString()).isEqualTo("ERROR");
        assertThat(log.get("host").asString()).isEqualTo("web-1");
        assertThat(log.get("trace_id").asString()).isEqualTo("t-1");
        assertThat(log.get("span_id").asString()).isEqualTo("s-1");
        assertThat(log.get("attributes"))
                .isEqualTo(Api.json("{\"log\":{\"logger\":\"app.db\"},\"service\":{\"version\":\"1.2\"},"
                        + "\"host\":{\"ip\":[\"10.0.0.1\"]},\"index\":\"" + index + "\"}"));
    }

    @Test
    void badItemsAreItemErrorsAndTheOthersAreStored() {
        Api.Reply reply = bulk("{\"index\":{}}\n{\"message\":\"good\"}\n"
                + "{\"index\":{}}\n{not json}\n"
                + "{\"update\":{\"_id\":\"1\"}}\n{\"doc\":{\"message\":\"x\"}}\n"
                + "{\"delete\":{\"_id\":\"1\"}}\n"
                + "{\"index\":{}}\n{\"message\":\"late\",\"@timestamp\":\"2999-01-01T00:00:00Z\"}\n"
                + "{\"index\":{}}\n{\"level\":30}\n");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(answer.get("errors").asBoolean()).isTrue();
        JsonNode items = answer.get("items");
        assertThat(items).hasSize(6);
        assertThat(items.get(0).get("index").get("status").asInt()).isEqualTo(201);
        for (int i = 1; i < 6; i++) {
            JsonNode item = items.get(i).properties().iterator().next().getValue();
            assertThat(item.get("status").asInt()).as(item.toString()).isEqualTo(400);
            assertThat(item.get("error").get("reason").asString()).isNotBlank();
        }
        assertThat(items.get(4).get("index").get("error").get("reason").asString())
                .contains("future");
        assertThat(logs("service=" + index)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json\n{}\n", "{\"index\":{},\"create\":{}}\n{}\n", "{\"index\":{}}\n"})
    void malformedActionsAre400WithTheProductHeader(String body) {
        Api.Reply reply = bulk(body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.header("X-Elastic-Product")).isEqualTo("Elasticsearch");
    }

    @Test
    void refusalsCarryTheProductHeaderAndBasicAuthWorks() {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("elastic:" + TestTokens.WRITER).getBytes(StandardCharsets.UTF_8));
        String pair = "{\"index\":{}}\n{\"message\":\"basic\"}\n";

        Api.Reply none = api.post("/_bulk", pair)
                .header("Content-Type", "application/x-ndjson")
                .send();
        Api.Reply reader = bulk("/_bulk", pair, "application/x-ndjson", "ApiKey " + TestTokens.READER);
        Api.Reply ok = bulk("/_bulk", pair, "application/x-ndjson", basic);

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("X-Elastic-Product")).isEqualTo("Elasticsearch");
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.header("X-Elastic-Product")).isEqualTo("Elasticsearch");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("items").get(0).get("index").get("_index").asString())
                .isEqualTo(BulkController.DEFAULT_INDEX);
    }

    @Test
    void boundTokenWritesItsOwnServiceOnlyWhateverTheIndex() {
        String body = "{\"index\":{}}\n{\"message\":\"mine " + index + "\"}\n"
                + "{\"index\":{}}\n{\"message\":\"theirs\",\"service\":\"" + index + "\"}\n";

        Api.Reply reply = bulk("/" + index + "/_bulk", body, "application/x-ndjson", "ApiKey " + TestTokens.REPORTS);

        JsonNode items = reply.json().get("items");
        assertThat(items.get(0).get("index").get("status").asInt()).isEqualTo(201);
        assertThat(items.get(1).get("index").get("error").get("reason").asString())
                .contains("service mismatch");
        assertThat(logs("service=" + index)).isEmpty();
        assertThat(logs("service=reports&attr.index=" + index)).hasSize(1);
    }
}
