package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.ServerProcess;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real jar: a notification whose channel is down stays pending in the outbox through a {@code kill -9}, and the
 * next start sends it.
 */
class OutboxRestartIT {

    private static final String ADMIN = "restart-admin-token-0123456789abcdef";
    private static final String[] PROPERTIES = {
        "logcentral.tokens.admin.token=" + ADMIN,
        "logcentral.tokens.admin.scopes=ingest,read,admin",
        // One quick try, then a wait far longer than the test: only a restart can send it in time.
        "logcentral.alerts.first-retry=1h",
        "logcentral.alerts.connect-timeout=1s"
    };

    @TempDir
    Path temp;

    @Test
    void pendingNotificationIsSentAfterKillAndRestart() throws Exception {
        Path data = temp.resolve("data");
        int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        try (ServerProcess server = ServerProcess.start(data, PROPERTIES)) {
            Alerts alerts = new Alerts(server.api(), ADMIN);
            alerts.webhook("later", "http://127.0.0.1:" + port + "/later");
            alerts.rule(Map.of("name", "restart", "services", List.of("restart-svc"), "channels", List.of("later")));
            assertThat(alerts.post("restart-svc", "CRITICAL", "sent after restart")
                            .status())
                    .isEqualTo(201);
            assertThat(awaitAttempted(alerts)).isNotNull();
            server.kill();
        }

        try (Receiver receiver = Receiver.startOn(port);
                ServerProcess server = ServerProcess.start(data, PROPERTIES)) {
            Receiver.Received received =
                    receiver.next(r -> r.body().path("rule").asString("").equals("restart"), Duration.ofSeconds(10));

            assertThat(received).isNotNull();
            assertThat(received.body().get("message").asString()).isEqualTo("sent after restart");
            JsonNode sent = awaitSent(new Alerts(server.api(), ADMIN));
            assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        }
    }

    /** The notification once its first try failed and it waits, pending, for the next. */
    private static JsonNode awaitAttempted(Alerts alerts) throws InterruptedException {
        return await(
                alerts,
                n -> n.get("attempts").asInt() >= 1
                        && n.get("status").asString().equals("pending"));
    }

    private static JsonNode awaitSent(Alerts alerts) throws InterruptedException {
        return await(alerts, n -> n.get("status").asString().equals("sent"));
    }

    private static JsonNode await(Alerts alerts, java.util.function.Predicate<JsonNode> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode found = alerts.notifications()
                    .valueStream()
                    .filter(n -> n.get("rule").asString().equals("restart"))
                    .filter(wanted)
                    .findFirst()
                    .orElse(null);
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        return null;
    }
}
