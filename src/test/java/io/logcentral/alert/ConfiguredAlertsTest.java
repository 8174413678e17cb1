package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@LogServerTest
class ConfiguredAlertsTest {

    private static final Receiver HOOK = Receiver.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void alertsInConfiguration(DynamicPropertyRegistry properties) {
        properties.add("logcentral.channels.cfg-hook.type", () -> "webhook");
        properties.add("logcentral.channels.cfg-hook.url", () -> HOOK.url("/cfg?key=s3cret"));
        properties.add("logcentral.alerts.rules.cfg-rule.min-severity", () -> "error");
        properties.add("logcentral.alerts.rules.cfg-rule.services", () -> "cfg-svc,other-svc");
        properties.add("logcentral.alerts.rules.cfg-rule.channels", () -> "cfg-hook");
        properties.add("logcentral.alerts.rules.cfg-rule.cooldown.ERROR", () -> "1s");
    }

    @AfterAll
    static void stopHook() {
        HOOK.close();
    }

    @Test
    void rulesAndChannelsFromConfigurationAreStoredAndUsed() throws Exception {
        Api api = new Api(port);
        JsonNode channel = api.get("/admin/channels/cfg-hook")
                .token(TestTokens.ADMIN)
                .send()
                .json();
        JsonNode rules = api.get("/admin/alerts").token(TestTokens.ADMIN).send().json();

        assertThat(channel.get("type").asString()).isEqualTo("webhook");
        assertThat(channel.get("url").asString()).isEqualTo("***");
        JsonNode rule = rules.valueStream()
                .filter(r -> r.get("name").asString().equals("cfg-rule"))
                .findFirst()
                .orElseThrow();
        assertThat(rule.get("min_severity").asString()).isEqualTo("ERROR");
        assertThat(rule.get("services")).extracting(JsonNode::asString).containsExactly("cfg-svc", "other-svc");
        assertThat(rule.get("cooldown").get("ERROR").asString()).isEqualTo("1s");

        new Alerts(api).post("cfg-svc", "ERROR", "configured alert");

        Receiver.Received received = HOOK.next(r -> Alerts.about(r, "cfg-svc"), Duration.ofSeconds(5));
        assertThat(received).isNotNull();
        assertThat(received.path()).isEqualTo("/cfg");
        assertThat(received.body().get("rule").asString()).isEqualTo("cfg-rule");
    }
}
