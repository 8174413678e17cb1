package io.logcentral.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@LogServerTest
class StreamApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TailStatus status;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "svc-" + UUID.randomUUID();
    }

    private HttpResponse<Stream<String>> open(String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/logs/stream?service=" + service))
                .header("Authorization", "Token " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
    }

    private long ingest(String serviceName, String message) {
        return api.post("/logs", "{\"service\":\"" + serviceName + "\",\"message\":\"" + message + "\"}")
                .token(TestTokens.ADMIN)
                .json()
                .send()
                .json()
                .get("ids")
                .get(0)
                .asLong();
    }

    /** Reads events (id and data line pairs) until {@code count} have come; fails after 10 s rather than hang. */
    static List<String[]> events(Iterator<String> lines, int count) throws Exception {
        return CompletableFuture.supplyAsync(() -> readEvents(lines, count)).get(10, TimeUnit.SECONDS);
    }

    private static List<String[]> readEvents(Iterator<String> lines, int count) {
        List<String[]> events = new ArrayList<>();
        String id = null;
        while (events.size() < count && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                events.add(new String[] {id, line.substring(5).trim()});
            }
        }
        return events;
    }

    @Test
    void streamSendsNewMatchingLogsAsEventsWithTheirIds() throws Exception {
        HttpResponse<Stream<String>> stream = open(TestTokens.READER, null);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        ingest("someone-else", "not for this tail");
        long id = ingest(service, "for this tail");

        List<String[]> events;
        try (Stream<String> lines = stream.body()) {
            events = events(lines.iterator(), 1);
        }
        assertThat(events.get(0)[0]).isEqualTo(String.valueOf(id));
        assertThat(Api.json(events.get(0)[1]).get("message").asString()).isEqualTo("for this tail");
    }

    @Test
    void streamResumesAfterLastEventIdWithoutGapOrDuplicate() throws Exception {
        long first = ingest(service, "one");
        long second = ingest(service, "two");
        long third = ingest(service, "three");

        HttpResponse<Stream<String>> stream = open(TestTokens.READER, String.valueOf(first));
        List<String[]> events;
        try (Stream<String> lines = stream.body()) {
            events = events(lines.iterator(), 2);
        }

        assertThat(events).extracting(e -> e[0]).containsExactly(String.valueOf(second), String.valueOf(third));
    }

    @Test
    void aTailWhoseClientDoesNotReadHoldsUpNoOtherTail() throws Exception {
        String flooded = "svc-" + UUID.randomUUID();
        long droppedBefore = status.dropped();
        try (Socket stalled = new Socket()) {
            // A client that never reads: once its small window and the server's send buffer are full, writes block.
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            stalled.getOutputStream()
                    .write(("GET /logs/stream?service=" + flooded + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Authorization: Token " + TestTokens.READER + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            HttpResponse<Stream<String>> stream = open(TestTokens.READER, null);
            try (Stream<String> lines = stream.body()) {
                flood(flooded, 400, 30_000);
                Thread.sleep(1_000);

                long marker = ingest(service, "after the flood");
                long start = System.nanoTime();
                List<String[]> events = events(lines.iterator(), 1);
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;

                assertThat(events.get(0)[0]).isEqualTo(String.valueOf(marker));
                assertThat(waitedMillis).isLessThan(2_000);
            }
            // Its buffer full and nothing sent for 5 s, the stalled tail is closed.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (status.dropped() == droppedBefore && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(status.dropped()).isGreaterThan(droppedBefore);
        }
    }

    @Test
    void thePollerReportsWhenItLastPolled() throws Exception {
        Thread.sleep(1_200);

        assertThat(status.lastPoll()).isAfter(Instant.now().minusSeconds(1));
    }

    /** Stores {@code count} logs of {@code serviceName}, each with a message of {@code size} characters. */
    private void flood(String serviceName, int count, int size) {
        String log = "{\"service\":\"" + serviceName + "\",\"message\":\"" + "x".repeat(size) + "\"}";
        for (int sent = 0; sent < count; sent += 50) {
            String batch = "[" + String.join(",", Collections.nCopies(50, log)) + "]";
            Api.Reply reply =
                    api.post("/logs", batch).token(TestTokens.ADMIN).json().send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        }
    }

    @Test
    void streamBeyondThePerTokenCapIs429() throws Exception {
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(open(TestTokens.REPORTS, null));
        }
        HttpResponse<Stream<String>> refused = open(TestTokens.REPORTS, null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        refused.body().close();
        open.forEach(response -> response.body().close());
    }
}
