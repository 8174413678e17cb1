package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AlertServerTest
class AlertRulesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(1500);

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    AlertMetrics metrics;

    @Test
    void burstInsideCooldownSendsOneThenAndNMore() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver hook = Receiver.start()) {
            alerts.webhook("hook-burst", hook.url("/b"));
            alerts.rule(Map.of(
                    "name",
                    "burst",
                    "services",
                    List.of("burst-svc"),
                    "min_severity",
                    "ERROR",
                    "channels",
                    List.of("hook-burst")));

            alerts.post("burst-svc", "ERROR", "timeout 1", "timeout 2", "timeout 3", "timeout 4", "timeout 5");

            Receiver.Received first = hook.next(r -> Alerts.about(r, "burst-svc"), WAIT);
            assertThat(first.body().get("message").asString()).isEqualTo("timeout 1");
            assertThat(first.body().get("more").asInt()).isZero();
            assertThat(hook.next(r -> Alerts.about(r, "burst-svc"), QUIET)).isNull();

            clock.advance(Duration.ofSeconds(301));

            Receiver.Received summary = hook.next(r -> Alerts.about(r, "burst-svc"), WAIT);
            assertThat(summary.body().get("message").asString()).isEqualTo("timeout 5");
            assertThat(summary.body().get("more").asInt()).isEqualTo(3);
            var history = alerts.notifications()
                    .valueStream()
                    .filter(n -> n.get("rule").asString().equals("burst"))
                    .toList();
            assertThat(history).extracting(n -> n.get("suppressed").asInt()).containsExactly(3, 0);
        }
    }

    @Test
    void cooldownIsPerServiceAndConfigurablePerSeverity() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver hook = Receiver.start()) {
            alerts.webhook("hook-cool", hook.url("/c"));
            alerts.rule(Map.of(
                    "name",
                    "cool",
                    "services",
                    List.of("cool-a", "COOL-B"),
                    "channels",
                    List.of("hook-cool"),
                    "min_severity",
                    "WARNING",
                    "cooldown",
                    Map.of("warn", "10s")));

            alerts.post("cool-a", "WARNING", "slow 1");
            alerts.post("cool-b", "WARNING", "slow 2");
            alerts.postChecked(metrics, "cool-a", "WARNING", "slow 3");

            assertThat(hook.count(r -> Alerts.mentions(r, "slow"), QUIET)).isEqualTo(2);
            clock.advance(Duration.ofSeconds(11));
            Receiver.Received summary = hook.next(r -> Alerts.mentions(r, "slow"), WAIT);
            assertThat(summary.body().get("message").asString()).isEqualTo("slow 3");
            assertThat(summary.body().get("more").asInt()).isZero();
        }
    }

    @Test
    void thresholdFiresWhenMoreThanNMatchesFallInTheSlidingWindow() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver hook = Receiver.start()) {
            alerts.webhook("hook-threshold", hook.url("/t"));
            alerts.rule(Map.of(
                    "name",
                    "many-errors",
                    "services",
                    List.of("thr-svc"),
                    "severities",
                    List.of("ERROR"),
                    "threshold",
                    2,
                    "window",
                    "1m",
                    "channels",
                    List.of("hook-threshold")));

            alerts.postChecked(metrics, "thr-svc", "ERROR", "e1");
            clock.advance(Duration.ofSeconds(40));
            alerts.postChecked(metrics, "thr-svc", "ERROR", "e2");
            clock.advance(Duration.ofSeconds(40));
            alerts.postChecked(metrics, "thr-svc", "ERROR", "e3");
            assertThat(hook.next(r -> Alerts.about(r, "thr-svc"), QUIET))
                    .as("e1 slid out of the window: only two in the last minute")
                    .isNull();

            alerts.post("thr-svc", "ERROR", "e4");

            Receiver.Received fired = hook.next(r -> Alerts.about(r, "thr-svc"), WAIT);
            assertThat(fired.body().get("message").asString()).isEqualTo("e4");
        }
    }

    @Test
    void searchTextAndAttributesNarrowWhatMatches() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver hook = Receiver.start()) {
            alerts.webhook("hook-q", hook.url("/q"));
            alerts.rule(Map.of(
                    "name",
                    "payments-declined",
                    "services",
                    List.of("q-svc"),
                    "q",
                    "\"card declined\" -test pay*",
                    "attributes",
                    Map.of("region", "eu", "code", 402),
                    "channels",
                    List.of("hook-q"),
                    "cooldown",
                    Map.of("INFO", "0s")));
            Api api = new Api(port);

            for (String body : List.of(
                    "{\"service\":\"q-svc\",\"message\":\"payment card declined\",\"region\":\"eu\",\"code\":402}",
                    "{\"service\":\"q-svc\",\"message\":\"Paying: Card Declined\",\"attributes\":{\"region\":\"eu\",\"code\":\"402\"}}",
                    "{\"service\":\"q-svc\",\"message\":\"payment card declined test\",\"region\":\"eu\",\"code\":402}",
                    "{\"service\":\"q-svc\",\"message\":\"payment card declined\",\"region\":\"us\",\"code\":402}",
                    "{\"service\":\"q-svc\",\"message\":\"card payment declined\",\"region\":\"eu\",\"code\":402}")) {
                assertThat(api.post("/logs", body)
                                .json()
                                .token(io.logcentral.TestTokens.ADMIN)
                                .send()
                                .status())
                        .isEqualTo(201);
            }

            List<String> matched = new java.util.ArrayList<>();
            for (Receiver.Received r; (r = hook.next(x -> Alerts.about(x, "q-svc"), QUIET)) != null; ) {
                matched.add(r.body().get("message").asString());
            }
            assertThat(matched).containsExactly("payment card declined", "Paying: Card Declined");
        }
    }

    @Test
    void disabledRuleStaysSilent() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver hook = Receiver.start()) {
            alerts.webhook("hook-off", hook.url("/off"));
            alerts.rule(Map.of(
                    "name",
                    "off",
                    "services",
                    List.of("off-svc"),
                    "channels",
                    List.of("hook-off"),
                    "min_severity",
                    "ERROR",
                    "enabled",
                    false));

            alerts.post("off-svc", "ERROR", "nobody hears this");

            assertThat(hook.next(r -> Alerts.about(r, "off-svc"), QUIET)).isNull();
        }
    }
}
