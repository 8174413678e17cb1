package io.logcentral.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestDatabases;
import io.logcentral.TestTokens;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LogServerTest
class OpsApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void healthWithoutTokenSaysOnlyUp() {
        Api.Reply reply = api.get("/health").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Api.json("{\"status\":\"UP\"}"));
    }

    @Test
    void healthWithReadTokenShowsDetails() {
        JsonNode body = api.get("/health").token(TestTokens.READER).send().json();

        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.get("store").get("kind").asString())
                .isEqualTo(TestDatabases.postgres() ? "postgresql" : "sqlite");
        assertThat(body.get("store").get("size_bytes").asLong()).isPositive();
        assertThat(api.get("/health").token(TestTokens.WRITER).send().json().size())
                .isEqualTo(1);
    }

    @Test
    void metricsCountWhatWasStoredAndRejected() {
        JsonNode before = api.get("/metrics").token(TestTokens.READER).send().json();
        api.post("/logs", "[{\"service\":\"m\",\"message\":\"x\",\"level\":\"ERROR\"},{\"service\":\"m\"}]")
                .token(TestTokens.ADMIN)
                .json()
                .send();

        JsonNode after = api.get("/metrics").token(TestTokens.READER).send().json();
        assertThat(after.get("logs_processed").asLong()
                        - before.get("logs_processed").asLong())
                .isEqualTo(1);
        assertThat(after.get("logs_rejected").asLong()
                        - before.get("logs_rejected").asLong())
                .isEqualTo(1);
        assertThat(after.get("logs_by_severity").get("ERROR").asLong()
                        - before.get("logs_by_severity").get("ERROR").asLong())
                .isEqualTo(1);
        assertThat(after.get("notifications_sent").asLong()).isZero();
        assertThat(after.get("store_size_bytes").asLong()).isPositive();
    }

    @Test
    void prometheusNeedsReadAndShowsIngestCounters() {
        assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
        Api.Reply reply =
                api.get("/actuator/prometheus").token(TestTokens.READER).send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("logcentral_ingest_logs_total");
    }

    @Test
    void ingestRequestsAreTimedByTheirOwnTimerAndEveryOtherRequestByHttpServerRequests() {
        double before = ingestRequestsTimed();
        api.post("/logs", "{\"service\":\"m\",\"message\":\"timed\"}")
                .token(TestTokens.ADMIN)
                .json()
                .send();
        api.post("/logs", "{\"message\":\"no service\"}")
                .token(TestTokens.ADMIN)
                .json()
                .send();
        api.get("/logs").token(TestTokens.READER).send();

        assertThat(ingestRequestsTimed() - before).isEqualTo(2);
        List<String> observed = prometheus()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .toList();
        assertThat(observed).anyMatch(line -> line.contains("method=\"GET\"") && line.contains("uri=\"/logs\""));
        assertThat(observed).noneMatch(line -> line.contains("method=\"POST\"") && line.contains("uri=\"/logs\""));
    }

    private double ingestRequestsTimed() {
        return prometheus()
                .filter(line -> line.startsWith("logcentral_ingest_requests_seconds_count "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    private Stream<String> prometheus() {
        return api.get("/actuator/prometheus")
                .token(TestTokens.READER)
                .send()
                .body()
                .lines();
    }

    @Test
    void rootGivesBrowsersAPageAndClientsAJsonHint() {
        Api.Reply page =
                api.get("/").header("Accept", "text/html,application/xhtml+xml").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<h1>logcentral</h1>");

        Api.Reply json = api.get("/").header("Accept", "application/json").send();
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("hint").asString()).contains("POST /logs");
        assertThat(api.get("/").send().json().has("hint")).isTrue();
    }
}
