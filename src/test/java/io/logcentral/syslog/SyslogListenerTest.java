package io.logcentral.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The listener as a token bound to service {@code edge} with 10 logs a second: the binding, the rate limit (TCP waits,
 * UDP drops and counts), the frame limit, the connection limit and the idle timeout, over raw sockets.
 */
@OwnServerTest
@TestPropertySource(
        properties = {
            "logcentral.syslog.port=0",
            "logcentral.syslog.token=edge-syslog",
            "logcentral.syslog.max-connections=3",
            "logcentral.syslog.idle-timeout=2s",
            // Batches of 5 never go into the rate limit's debt, so 40 frames at 10 a second must wait.
            "logcentral.syslog.batch-size=5",
            "logcentral.tokens.edge-syslog.token=test-edge-syslog-token-0123456789",
            "logcentral.tokens.edge-syslog.service=edge",
            "logcentral.tokens.edge-syslog.logs-per-second=10",
            "logcentral.ingest.max-message-size=1KB",
        })
class SyslogListenerTest {

    @LocalServerPort
    int httpPort;

    @Autowired
    SyslogListener listener;

    String app;

    @BeforeEach
    void setUp() {
        app = "app" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aBoundTokenStoresAsItsServiceAndKeepsTheAppNameAsAttribute() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "<11>1 2024-11-08T14:23:30.5Z web-1 " + app + " 7 - - payment failed\n");
        }

        JsonNode log = awaitLogs(1).get(0);
        assertThat(log.get("service").asString()).isEqualTo("edge");
        assertThat(log.get("severity").asString()).isEqualTo("ERROR");
        assertThat(log.get("attributes").get("app_name").asString()).isEqualTo(app);
        assertThat(log.get("timestamp").asString()).isEqualTo("2024-11-08T14:23:30.500000Z");
    }

    @Test
    void framesOverTheLimitAreCountedAndTheRestOfTheStreamIsKept() throws Exception {
        long rejected = metric("syslog_rejected");
        try (Socket socket = connect()) {
            send(socket, "<14>Nov  8 14:23:30 web-1 " + app + ": " + "x".repeat(5000) + "\n");
            send(socket, "<14>Nov  8 14:23:31 web-1 " + app + ": after the long one\n");
            send(socket, "a frame that is no syslog at all, from " + app + "\n");
        }

        JsonNode logs = awaitLogs(1);
        assertThat(logs.get(0).get("message").asString()).isEqualTo("after the long one");
        assertThat(metric("syslog_rejected")).isEqualTo(rejected + 1);
    }

    @Test
    void rateLimitDropsUdpAndCountsItWhileTcpWaitsAndLosesNothing() throws Exception {
        long dropped = metric("syslog_dropped");
        long retries = metric("syslog_retries");
        String udpApp = app + "u";
        try (DatagramSocket udp = new DatagramSocket()) {
            for (int i = 0; i < 200; i++) {
                datagram(udp, "<14>Nov  8 14:23:30 web-1 " + udpApp + ": udp " + i);
            }
        }
        // 200 at 10 a second in batches of 5: most are refused, and each is either stored or counted.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (logs(udpApp).size() + metric("syslog_dropped") - dropped < 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(logs(udpApp).size() + metric("syslog_dropped") - dropped).isEqualTo(200);
        assertThat(metric("syslog_dropped")).isGreaterThan(dropped);

        try (Socket socket = connect()) {
            for (int i = 0; i < 40; i++) {
                send(socket, "<14>Nov  8 14:23:31 web-1 " + app + ": tcp " + i + "\n");
            }
        }
        awaitLogs(40);
        assertThat(metric("syslog_retries")).isGreaterThan(retries);
    }

    @Test
    void connectionsOverTheLimitAreClosedAndIdleOnesEnd() throws Exception {
        long refused = metric("syslog_connections_refused");
        try (Socket first = connect();
                Socket second = connect();
                Socket third = connect();
                Socket fourth = connect()) {
            assertThat(readsEnd(fourth, 5_000))
                    .as("the fourth connection is closed")
                    .isTrue();
            assertThat(metric("syslog_connections_refused")).isEqualTo(refused + 1);
            assertThat(readsEnd(first, 10_000))
                    .as("an idle connection is closed")
                    .isTrue();
        }
    }

    @Test
    void healthShowsEachListenerThreadAlive() {
        JsonNode syslog = new Api(httpPort)
                .get("/health")
                .token(TestTokens.ADMIN)
                .send()
                .json()
                .get("syslog");
        assertThat(syslog.get("port").asInt()).isEqualTo(listener.port());
        for (String thread : new String[] {"tcp_accept", "udp_receive", "udp_store"}) {
            assertThat(syslog.get("threads").get(thread).get("alive").asBoolean())
                    .as(thread)
                    .isTrue();
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), listener.port());
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void datagram(DatagramSocket udp, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), listener.port()));
    }

    /** Whether the server closes the connection within the time: a read gives the end of the stream. */
    private static boolean readsEnd(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    private JsonNode awaitLogs(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode logs = logs();
        while (logs.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            logs = logs();
        }
        assertThat(logs).as("logs of %s", app).hasSize(count);
        return logs;
    }

    private JsonNode logs() {
        return logs(app);
    }

    private JsonNode logs(String appName) {
        return new Api(httpPort)
                .get("/logs?service=edge&limit=1000&attr.app_name=" + appName)
                .token(TestTokens.ADMIN)
                .send()
                .json();
    }

    private long metric(String name) {
        return new Api(httpPort)
                .get("/metrics")
                .token(TestTokens.ADMIN)
                .send()
                .json()
                .get(name)
                .asLong();
    }
}
