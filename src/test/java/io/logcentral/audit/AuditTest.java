package io.logcentral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LogServerTest
class AuditTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void adminActionsAreAuditedNewestFirstWithWhoWhatWhenAndWhere() {
        Instant before = Instant.now().minusSeconds(1);
        String name = "audited-" + System.nanoTime() % 1_000_000;
        api.post("/admin/tokens", Api.write(Map.of("name", name, "scopes", List.of("read"))))
                .json()
                .token(TestTokens.ADMIN)
                .send();
        api.post("/admin/tokens/" + name + "/rotate?grace=0", "")
                .token(TestTokens.ADMIN)
                .header("X-Forwarded-For", "203.0.113.9")
                .send();
        api.request("DELETE", "/admin/tokens/" + name).token(TestTokens.ADMIN).send();

        Api.Reply reply =
                api.get("/admin/audit?limit=3").token(TestTokens.ADMIN).send();

        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> events = reply.json().values().stream().toList();
        assertThat(events).hasSize(3);
        assertThat(events)
                .extracting(e -> e.get("action").asString())
                .containsExactly(
                        "DELETE /admin/tokens/" + name, "POST /admin/tokens/" + name + "/rotate", "POST /admin/tokens");
        assertThat(events).extracting(e -> e.get("status").asInt()).containsExactly(204, 200, 201);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("token").asString()).isEqualTo("admin");
            assertThat(e.get("target").asString()).isEqualTo(name);
            assertThat(Instant.parse(e.get("at").asString())).isAfter(before);
        });
        assertThat(events.get(0).get("remote_address").asString()).isEqualTo("127.0.0.1");
        assertThat(events.get(1).get("remote_address").asString()).isEqualTo("203.0.113.9");
        assertThat(events.get(0).get("id").asLong())
                .isGreaterThan(events.get(1).get("id").asLong());
    }

    @Test
    void refusedAndReadingRequestsAreNotAdminActions() {
        api.get("/admin/tokens").token(TestTokens.ADMIN).send();
        api.request("DELETE", "/admin/tokens/admin").token(TestTokens.READER).send();

        List<JsonNode> events =
                api.get("/admin/audit?limit=1000").token(TestTokens.ADMIN).send().json().values().stream()
                        .toList();
        assertThat(events).noneMatch(e -> e.get("method").asString().equals("GET"));
        assertThat(events).noneMatch(e -> e.get("token").asString().equals("reader"));
    }

    @Test
    void auditNeedsTheAdminScopeAndAWholeLimit() {
        assertThat(api.get("/admin/audit").token(TestTokens.READER).send().status())
                .isEqualTo(403);
        assertThat(api.get("/admin/audit").send().status()).isEqualTo(401);
        Api.Reply bad =
                api.get("/admin/audit?limit=many").token(TestTokens.ADMIN).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("limit");
    }
}
