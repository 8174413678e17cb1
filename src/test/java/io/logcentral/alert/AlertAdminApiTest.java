package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AlertServerTest
@ExtendWith(OutputCaptureExtension.class)
class AlertAdminApiTest {

    @LocalServerPort
    int port;

    @Test
    void defaultRuleSendsEveryCriticalToEveryChannel() {
        JsonNode rules =
                api().get("/admin/alerts").token(TestTokens.ADMIN).send().json();

        JsonNode every = rules.valueStream()
                .filter(r -> r.get("name").asString().equals("every-critical"))
                .findFirst()
                .orElseThrow();
        assertThat(every.get("min_severity").asString()).isEqualTo("CRITICAL");
        assertThat(every.get("enabled").asBoolean()).isTrue();
        assertThat(every.get("channels")).isEmpty();
    }

    @Test
    void ruleCreatedIsReadUpdatedAndDeleted() {
        Alerts alerts = new Alerts(api());
        alerts.webhook("hook-crud", "http://127.0.0.1:9/crud");
        Api.Reply created = alerts.createRule(Map.of(
                "name",
                "crud",
                "min_severity",
                "err",
                "services",
                List.of("billing"),
                "q",
                "timeout",
                "threshold",
                50,
                "window",
                "5m",
                "channels",
                List.of("hook-crud"),
                "cooldown",
                Map.of("critical", "30s")));

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/admin/alerts/" + id);
        JsonNode read =
                api().get("/admin/alerts/" + id).token(TestTokens.ADMIN).send().json();
        assertThat(read.get("min_severity").asString()).isEqualTo("ERROR");
        assertThat(read.get("threshold").asInt()).isEqualTo(50);
        assertThat(read.get("window").asString()).isEqualTo("5m");
        assertThat(read.get("cooldown").get("CRITICAL").asString()).isEqualTo("30s");
        assertThat(read.get("enabled").asBoolean()).isTrue();

        Api.Reply updated = api().request("PUT", "/admin/alerts/" + id)
                .body(Api.write(Map.of("name", "crud", "severities", List.of("WARNING"), "enabled", false))
                        .getBytes())
                .json()
                .token(TestTokens.ADMIN)
                .send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("severities").get(0).asString()).isEqualTo("WARNING");
        assertThat(updated.json().get("enabled").asBoolean()).isFalse();

        assertThat(api().request("DELETE", "/admin/alerts/" + id)
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api().get("/admin/alerts/" + id)
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                        | name",
                "{\"name\":\"\"}                                           | name",
                "{\"name\":\"v\",\"min_severity\":\"LOUD\"}                | min_severity",
                "{\"name\":\"v\",\"severities\":\"ERROR\"}                 | severities",
                "{\"name\":\"v\",\"min_severity\":\"ERROR\",\"severities\":[\"INFO\"]} | severities",
                "{\"name\":\"v\",\"threshold\":-1}                         | threshold",
                "{\"name\":\"v\",\"threshold\":\"ten\"}                    | threshold",
                "{\"name\":\"v\",\"threshold\":5,\"window\":\"five\"}      | window",
                "{\"name\":\"v\",\"window\":\"5m\"}                        | window",
                "{\"name\":\"v\",\"channels\":[\"no-such-channel\"]}       | channels",
                "{\"name\":\"v\",\"cooldown\":{\"CRITICAL\":\"soon\"}}     | cooldown.CRITICAL",
                "{\"name\":\"v\",\"cooldown\":{\"LOUD\":\"60s\"}}          | cooldown.LOUD",
                "{\"name\":\"v\",\"attributes\":{\"a\":{\"b\":1}}}         | attributes.a",
                "{\"name\":\"v\",\"enabled\":\"yes\"}                      | enabled",
                "{\"name\":\"v\",\"min_severty\":\"ERROR\"}                | min_severty",
                "[]                                                        | body",
            })
    void invalidRuleIs400NamingTheField(String body, String field) {
        Api.Reply reply =
                api().post("/admin/alerts", body).json().token(TestTokens.ADMIN).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asString()).isEqualTo(field);
        assertThat(reply.json().get("error").asString()).startsWith(field + ": ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"c1\"}                                          | type",
                "{\"name\":\"c1\",\"type\":\"pager\"}                       | type",
                "{\"type\":\"webhook\",\"url\":\"http://x.example/\"}       | name",
                "{\"name\":\"c 1\",\"type\":\"webhook\",\"url\":\"http://x.example/\"} | name",
                "{\"name\":\"c1\",\"type\":\"webhook\"}                     | url",
                "{\"name\":\"c1\",\"type\":\"webhook\",\"url\":\"ftp://x/\"} | url",
                "{\"name\":\"c1\",\"type\":\"slack\",\"url\":\"not a url\"} | url",
                "{\"name\":\"c1\",\"type\":\"telegram\",\"token\":\"t\"}    | chat_id",
                "{\"name\":\"c1\",\"type\":\"email\"}                       | to",
                "{\"name\":\"c1\",\"type\":\"email\",\"to\":\"a@b\",\"port\":\"smtp\"} | port",
                "{\"name\":\"c1\",\"type\":\"webhook\",\"url\":\"http://x/\",\"token\":\"t\"} | token",
            })
    void invalidChannelIs400NamingTheField(String body, String field) {
        Api.Reply reply = api().post("/admin/channels", body)
                .json()
                .token(TestTokens.ADMIN)
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("field").asString()).isEqualTo(field);
    }

    @Test
    void duplicateNamesAre409AndUnknownOnesAre404() {
        Alerts alerts = new Alerts(api());
        alerts.webhook("hook-dup", "http://127.0.0.1:9/dup");
        alerts.rule(Map.of("name", "dup"));

        assertThat(alerts.createRule(Map.of("name", "dup")).status()).isEqualTo(409);
        assertThat(alerts.createChannel(Map.of("name", "hook-dup", "type", "webhook", "url", "http://x.example/"))
                        .status())
                .isEqualTo(409);
        assertThat(api().get("/admin/channels/nope")
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/admin/alerts/999999")
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/admin/alerts/abc").token(TestTokens.ADMIN).send().status())
                .isEqualTo(400);
        assertThat(api().post("/admin/alerts/999999/test", "")
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void secretsAreMaskedAndKeptWhenPutBackMasked() {
        Alerts alerts = new Alerts(api());
        String slackUrl = "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX";
        alerts.createChannel(Map.of("name", "slack-secret", "type", "slack", "url", slackUrl));
        alerts.createChannel(
                Map.of("name", "tg-secret", "type", "telegram", "token", "999:bot-secret-token", "chat_id", 42));
        alerts.createChannel(Map.of(
                "name",
                "mail-secret",
                "type",
                "email",
                "to",
                List.of("a@example.com", "b@example.com"),
                "host",
                "smtp.example.com",
                "port",
                587,
                "username",
                "ops",
                "password",
                "hunter2-secret"));

        String list =
                api().get("/admin/channels").token(TestTokens.ADMIN).send().body();
        JsonNode tg = api().get("/admin/channels/tg-secret")
                .token(TestTokens.ADMIN)
                .send()
                .json();
        JsonNode mail = api().get("/admin/channels/mail-secret")
                .token(TestTokens.ADMIN)
                .send()
                .json();

        assertThat(list)
                .doesNotContain("XXXXsecretXXXX", "bot-secret-token", "hunter2")
                .contains("\"url\":\"***\"");
        assertThat(tg.get("token").asString()).isEqualTo("***");
        assertThat(tg.get("chat_id").asString()).isEqualTo("42");
        assertThat(mail.get("password").asString()).isEqualTo("***");
        assertThat(mail.get("to").asString()).isEqualTo("a@example.com,b@example.com");
        assertThat(mail.get("username").asString()).isEqualTo("ops");

        Api.Reply put = api().request("PUT", "/admin/channels/tg-secret")
                .body(Api.write(Map.of("type", "telegram", "token", "***", "chat_id", "43"))
                        .getBytes())
                .json()
                .token(TestTokens.ADMIN)
                .send();
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).doesNotContain("bot-secret-token");
        assertThat(put.json().get("chat_id").asString()).isEqualTo("43");
    }

    @Test
    void failingChannelRetriesAndNeverShowsItsSecret(CapturedOutput output) throws Exception {
        Alerts alerts = new Alerts(api());
        alerts.createChannel(Map.of(
                "name",
                "tg-broken",
                "type",
                "telegram",
                "token",
                "777:leaky-token",
                "chat_id",
                "1",
                "api_url",
                "http://127.0.0.1:1/leaky-token"));
        alerts.rule(Map.of("name", "broken", "services", List.of("broken-svc"), "channels", List.of("tg-broken")));

        alerts.post("broken-svc", "CRITICAL", "nobody gets this");

        JsonNode mine = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline
                && (mine == null || mine.get("attempts").asInt() < 2)) {
            Thread.sleep(100);
            mine = alerts.notifications()
                    .valueStream()
                    .filter(n -> n.get("rule").asString().equals("broken"))
                    .findFirst()
                    .orElse(null);
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(mine.get("status").asString()).isEqualTo("pending");
        assertThat(mine.get("error").asString()).isNotEmpty();
        assertThat(alerts.notifications().toString()).doesNotContain("leaky-token");
        assertThat(output.getAll()).doesNotContain("leaky-token");
    }

    @Test
    void adminApiNeedsTheAdminScope() {
        assertThat(api().get("/admin/alerts").token(TestTokens.READER).send().status())
                .isEqualTo(403);
        assertThat(api().get("/admin/channels").send().status()).isEqualTo(401);
        assertThat(api().get("/admin/notifications")
                        .token(TestTokens.WRITER)
                        .send()
                        .status())
                .isEqualTo(403);
    }

    private Api api() {
        return new Api(port);
    }
}
