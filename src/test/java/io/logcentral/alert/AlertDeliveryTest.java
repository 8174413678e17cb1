package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AlertServerTest
class AlertDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Test
    void criticalPostedReachesWebhookWithin2Seconds() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver hook = Receiver.start()) {
            alerts.webhook("hook-fast", hook.url("/hook"));
            Api.Reply posted = alerts.post("fast-svc", "CRITICAL", "database is down");
            long answered = System.nanoTime();
            assertThat(posted.status()).isEqualTo(201);

            Receiver.Received received = hook.next(r -> Alerts.about(r, "fast-svc"), WAIT);

            assertThat(received).isNotNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(received.atNanos() - answered))
                    .isLessThan(2000);
            long id = posted.json().get("ids").get(0).asLong();
            assertThat(received.path()).isEqualTo("/hook");
            assertThat(received.body().get("rule").asString()).isEqualTo("every-critical");
            assertThat(received.body().get("severity").asString()).isEqualTo("CRITICAL");
            assertThat(received.body().get("message").asString()).isEqualTo("database is down");
            assertThat(received.body().get("log_id").asLong()).isEqualTo(id);
            assertThat(received.body().get("link").asString()).isEqualTo("http://logs.example.com/logs/" + id);
            assertThat(received.body().get("time").asString()).endsWith("Z");
        }
    }

    @Test
    void criticalReachesSlackAsIncomingWebhookText() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver slack = Receiver.start()) {
            alerts.createChannel(Map.of("name", "slack-ops", "type", "slack", "url", slack.url("/services/T0/B0/key")));
            alerts.rule(
                    Map.of("name", "slack-only", "services", List.of("slack-svc"), "channels", List.of("slack-ops")));

            alerts.post("slack-svc", "CRITICAL", "payment gateway unreachable");

            Receiver.Received received = hook(slack, "payment gateway unreachable");
            assertThat(received.path()).isEqualTo("/services/T0/B0/key");
            assertThat(received.body().propertyNames()).containsExactly("text");
            assertThat(received.body().get("text").asString())
                    .contains("[CRITICAL] slack-svc: payment gateway unreachable")
                    .contains("http://logs.example.com/logs/");
        }
    }

    @Test
    void criticalReachesTelegramThroughBotApiSendMessage() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver telegram = Receiver.start()) {
            alerts.createChannel(Map.of(
                    "name",
                    "tg",
                    "type",
                    "telegram",
                    "token",
                    "123456:ABC-secret",
                    "chat_id",
                    "-1001",
                    "api_url",
                    telegram.url("")));
            alerts.rule(Map.of("name", "tg-only", "services", List.of("tg-svc"), "channels", List.of("tg")));

            alerts.post("tg-svc", "CRITICAL", "disk full on db-1");

            Receiver.Received received = hook(telegram, "disk full on db-1");
            assertThat(received.path()).isEqualTo("/bot123456:ABC-secret/sendMessage");
            assertThat(received.body().get("chat_id").asString()).isEqualTo("-1001");
            assertThat(received.body().get("text").asString()).contains("[CRITICAL] tg-svc: disk full on db-1");
        }
    }

    @Test
    void deadChannelDelaysNeitherIngestNorOtherChannels() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (ServerSocket dead = new ServerSocket(0);
                Receiver live = Receiver.start()) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(dead.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.start();
            alerts.webhook("dead-hook", "http://127.0.0.1:" + dead.getLocalPort() + "/never");
            alerts.webhook("live-hook", live.url("/live"));
            alerts.rule(Map.of(
                    "name",
                    "dead-and-live",
                    "services",
                    List.of("dead-svc"),
                    "min_severity",
                    "ERROR",
                    "channels",
                    List.of("dead-hook", "live-hook"),
                    "cooldown",
                    Map.of("ERROR", "0s")));

            long slowest = 0;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertThat(alerts.post("dead-svc", "ERROR", "failure " + i).status())
                        .isEqualTo(201);
                slowest = Math.max(slowest, System.nanoTime() - start);
            }

            assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).isLessThan(500);
            assertThat(live.count(r -> Alerts.about(r, "dead-svc"), Duration.ofSeconds(3)))
                    .isEqualTo(20);
            dead.close();
            acceptor.join(5000);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void testNotificationGoesToTheRuleChannelsWith202() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        try (Receiver hook = Receiver.start()) {
            alerts.webhook("hook-test", hook.url("/t"));
            long id = alerts.rule(Map.of("name", "tested", "channels", List.of("hook-test")));

            Api.Reply reply = new Api(port)
                    .post("/admin/alerts/" + id + "/test", "")
                    .token(TestTokens.ADMIN)
                    .send();

            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.json().get("notifications")).hasSize(1);
            Receiver.Received received = hook.next(r -> r.body().path("test").asBoolean(), WAIT);
            assertThat(received).isNotNull();
            assertThat(received.body().get("rule").asString()).isEqualTo("tested");
        }
    }

    @Test
    void deliveriesAreCountedInMetricsAndHistory() throws Exception {
        Api api = new Api(port);
        Alerts alerts = new Alerts(api);
        try (Receiver hook = Receiver.start()) {
            alerts.webhook("hook-count", hook.url("/c"));
            alerts.rule(Map.of("name", "counted", "services", List.of("count-svc"), "channels", List.of("hook-count")));
            alerts.post("count-svc", "CRITICAL", "counted once");
            assertThat(hook.next(
                            r -> Alerts.mentions(r, "counted once") && r.path().equals("/c"), WAIT))
                    .isNotNull();

            long sent = 0;
            for (int i = 0; i < 50 && sent == 0; i++) {
                sent = api.get("/metrics")
                        .token(TestTokens.READER)
                        .send()
                        .json()
                        .get("notifications_sent")
                        .asLong();
                Thread.sleep(100);
            }

            assertThat(sent).isPositive();
            assertThat(api.get("/actuator/prometheus")
                            .token(TestTokens.READER)
                            .send()
                            .body())
                    .contains(
                            "logcentral_notifications_sent_total",
                            "logcentral_notifications_pending",
                            "logcentral_alerts_evaluation_lag_seconds",
                            "logcentral_alerts_dropped_logs_total");
            var history = alerts.notifications();
            var mine = history.valueStream()
                    .filter(n -> n.get("rule").asString().equals("counted"))
                    .findFirst()
                    .orElseThrow();
            assertThat(mine.get("channel").asString()).isEqualTo("hook-count");
            assertThat(mine.get("status").asString()).isEqualTo("sent");
            assertThat(mine.get("attempts").asInt()).isEqualTo(1);
            assertThat(mine.get("sent_at").asString()).endsWith("Z");
        }
    }

    private static Receiver.Received hook(Receiver receiver, String text) throws InterruptedException {
        Receiver.Received received = receiver.next(r -> Alerts.mentions(r, text), WAIT);
        assertThat(received).as("a request mentioning " + text).isNotNull();
        return received;
    }
}
