package io.logcentral.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /} answers Elasticsearch clients as Elasticsearch does, and everyone else as before. */
@LogServerTest
class ElasticsearchInfoTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void rootWithTheOfficialClientsMetaHeaderAnswersTheVersionWithTheProductHeader() {
        Api.Reply reply = api.get("/")
                .header("X-Elastic-Client-Meta", "es=8.19.2,js=20.0.0,t=8.9.0,hc=20.0.0")
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Elastic-Product")).isEqualTo("Elasticsearch");
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("version").get("number").asString()).startsWith("8.");
        assertThat(body.get("tagline").asString()).isEqualTo("You Know, for Search");
        assertThat(body.get("cluster_name").asString()).isEqualTo("logcentral");
        assertThat(body.has("hint")).isFalse();
    }

    @Test
    void rootAskedInElasticsearchsMediaTypeAnswersInIt() {
        Api.Reply reply = api.get("/")
                .header("Accept", "application/vnd.elasticsearch+json; compatible-with=8")
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/vnd.elasticsearch+json");
        assertThat(reply.contentType()).contains("compatible-with=8");
        assertThat(reply.json().get("version").get("number").asString()).startsWith("8.");
    }

    @Test
    void rootWithAnApiKeyOrAShippersUserAgentIsAnElasticsearchClient() {
        Api.Reply apiKey = api.get("/")
                .header("Authorization", "ApiKey " + TestTokens.WRITER)
                .send();
        Api.Reply logstash = api.get("/")
                .header("User-Agent", "Logstash/8.17.0 (OS=Linux) logstash-output-elasticsearch/11.22.0")
                .send();

        assertThat(apiKey.header("X-Elastic-Product")).isEqualTo("Elasticsearch");
        assertThat(apiKey.json().get("tagline").asString()).isEqualTo("You Know, for Search");
        assertThat(logstash.json().get("version").get("number").asString()).startsWith("8.");
    }

    @Test
    void rootWithAnUnknownApiKeyIs401() {
        Api.Reply reply =
                api.get("/").header("Authorization", "ApiKey not-a-token").send();

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void rootForCurlAndBrowsersStaysTheWelcomeAndThePage() {
        Api.Reply curl = api.get("/").header("User-Agent", "curl/8.14.1").send();
        Api.Reply browser = api.get("/")
                .header("Accept", "text/html,application/xhtml+xml")
                .header("User-Agent", "Mozilla/5.0")
                .send();

        assertThat(curl.header("X-Elastic-Product")).isNull();
        assertThat(curl.json().get("hint").asString()).contains("POST /logs");
        assertThat(browser.contentType()).startsWith("text/html");
    }
}
