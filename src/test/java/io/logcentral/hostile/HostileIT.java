package io.logcentral.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.ServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile clients against the real jar with a small heap (-Xmx256m, and exit on OutOfMemoryError): each attack is
 * answered 4xx, or 503 with Retry-After, never 500; after each the server is healthy, a normal log is acknowledged
 * within a second, and at the end every acknowledged log is still there.
 */
class HostileIT {

    private static final String WRITER = "hostile-writer-token-0123456789abcdef";
    private static final String ADMIN = "hostile-admin-token-0123456789abcdef";
    private static final List<String> BODY_PATHS = List.of("/logs", "/log", "/send_logs", "/create_user");

    private static Path temp;
    private static ServerProcess server;
    private static Api api;
    private static final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        temp = Files.createTempDirectory("hostile");
        server = ServerProcess.withHeap(
                temp.resolve("data"),
                "256m",
                "logcentral.tokens.writer.token=" + WRITER,
                "logcentral.tokens.admin.token=" + ADMIN,
                "logcentral.tokens.admin.scopes=ingest,read,admin");
        api = server.api();
    }

    @AfterAll
    static void everyAcknowledgedLogIsStillThere() throws Exception {
        try {
            assertThat(server.isAlive()).isTrue();
            acknowledged.forEach((id, message) -> {
                Api.Reply reply =
                        api.get("/logs/" + id).token(ServerProcess.TOKEN).send();
                assertThat(reply.status()).as("log " + id).isEqualTo(200);
                assertThat(reply.json().get("message").asString()).isEqualTo(message);
            });
        } finally {
            server.close();
        }
    }

    /** After every attack: alive, healthy, and a normal log gets its 201 within a second. */
    @AfterEach
    void serverStillServes() {
        assertThat(server.isAlive()).as("the server process is alive").isTrue();
        assertThat(api.get("/health").send().status()).isEqualTo(200);
        String message = "normal after attack " + System.nanoTime();
        long start = System.nanoTime();
        Api.Reply reply = api.post("/logs", "{\"service\":\"hostile\",\"message\":\"" + message + "\"}")
                .token(ServerProcess.TOKEN)
                .json()
                .send();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(millis).as("ms to acknowledge a normal log").isLessThan(1000);
        acknowledged.put(reply.json().get("ids").get(0).asLong(), message);
    }

    private static void assertRefused(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 503).isNotEqualTo(500);
        if (reply.status() == 503) {
            assertThat(reply.header("Retry-After")).isNotNull();
        }
        if (reply.body() != null && !reply.body().isEmpty()) {
            assertThat(reply.contentType()).startsWith("application/");
        }
    }

    @Test
    void headCannotReadWithAnIngestOnlyToken() {
        assertThat(api.request("HEAD", "/logs?q=password&limit=1")
                        .token(WRITER)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.request("HEAD", "/logs/1").token(WRITER).send().status()).isEqualTo(403);
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused(api.post("/logs", deep).token(WRITER).json().send());
        String deepAttributes =
                "{\"service\":\"h\",\"message\":\"m\",\"a\":" + "{\"b\":".repeat(5000) + "1" + "}".repeat(5000) + "}";
        assertRefused(api.post("/logs", deepAttributes).token(WRITER).json().send());
    }

    @Test
    void tooManyLogsInOneRequestIsRefused() {
        String item = "{\"service\":\"h\",\"message\":\"m\"}";
        String many = "[" + String.join(",", java.util.Collections.nCopies(10_001, item)) + "]";
        Api.Reply reply = api.post("/logs", many).token(WRITER).json().send();
        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void oversizedBodyIsRefusedOnEveryEndpointThatTakesOne() {
        byte[] big = ("{\"service\":\"h\",\"message\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (String path : BODY_PATHS) {
            Api.Reply reply =
                    api.request("POST", path).token(ADMIN).json().body(big).send();
            assertThat(reply.status()).as(path + " " + reply).isIn(413, 400, 403, 503);
        }
    }

    @Test
    void gzipBombIsRefusedOnEveryEndpointThatTakesABody() throws IOException {
        byte[] bomb = gzippedZeros(1024L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        for (String path : BODY_PATHS) {
            Api.Reply reply = api.request("POST", path)
                    .token(ADMIN)
                    .json()
                    .header("Content-Encoding", "gzip")
                    .body(bomb)
                    .send();
            assertRefused(reply);
        }
    }

    @Test
    void hugeBodyWithoutAnyTokenIsRefusedOnTheSeedEndpoints() {
        for (String path : List.of("/send_logs", "/create_user", "/log")) {
            // Below Tomcat's max-swallow-size the answer arrives whole; above it the server may close the connection
            // once it has answered, before the client is done sending, which the client sees as a reset.
            Api.Reply reply = api.request("POST", path).json().body(spaces(20)).send();
            assertThat(reply.status()).as(path + " " + reply).isBetween(400, 499);
            try {
                int status =
                        api.request("POST", path).json().body(spaces(40)).send().status();
                assertThat(status).as(path).isBetween(400, 499);
            } catch (IllegalStateException connectionClosedEarly) {
                assertThat(connectionClosedEarly).hasCauseInstanceOf(IOException.class);
            }
        }
    }

    /** A JSON object of {@code mebibytes} MiB, nearly all white space. */
    private static byte[] spaces(int mebibytes) {
        byte[] body = new byte[mebibytes * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        return body;
    }

    @Test
    void nulBytesAndEnormousNumbersNeverCauseA500() {
        List<String> bodies = List.of(
                "{\"service\":\"h\\u0000x\",\"message\":\"nul \\u0000 inside\"}",
                "{\"service\":\"h\",\"message\":\"m\",\"timestamp\":1e400}",
                "{\"service\":\"h\",\"message\":\"m\",\"level\":99999999999999999999999999999}",
                "{\"service\":\"h\",\"message\":\"m\",\"n\":1e999999,\"big\":" + "9".repeat(5000) + "}",
                "{\"service\":\"h\",\"message\":\"m\",\"timestamp\":\"9999-12-31T23:59:59Z\"}",
                "{\"service\":\"h\",\"message\":\"m\",\"timestamp\":-1}");
        for (String body : bodies) {
            Api.Reply reply = api.post("/logs", body).token(WRITER).json().send();
            assertThat(reply.status()).as(body + " -> " + reply).isIn(201, 400);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "q",
                "service",
                "severity",
                "level",
                "min_severity",
                "request_id",
                "trace_id",
                "attr.user",
                "cursor",
                "order",
                "since",
                "limit",
                "offset",
                "timestamp_start",
                "received_at_end",
                "interval",
                "by"
            })
    void searchAndSqlOperatorsInEveryFilterNeverCauseA500(String parameter) {
        List<String> values = List.of(
                "\" OR 1=1 --",
                "'; DROP TABLE logs; --",
                "NEAR(a b)",
                "col:x",
                "*",
                "%",
                "_",
                "\\",
                "a\u0000b",
                "-",
                "\"",
                "9".repeat(400),
                "(((",
                "x".repeat(4000));
        for (String path : List.of("/logs", "/logs/stats", "/logs/services")) {
            for (String value : values) {
                String url = path + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                Api.Reply reply = api.get(url).token(ServerProcess.TOKEN).send();
                assertThat(reply.status()).as(url + " -> " + reply).isIn(200, 400, 422);
            }
        }
    }

    @Test
    void invalidUtf8AndControlCharactersInTheQueryAreRefused() {
        assertRefused(api.get("/logs?service=%FF%FE").token(ServerProcess.TOKEN).send());
        assertRefused(api.get("/logs?attr.a%0Ab=1").token(ServerProcess.TOKEN).send());
        assertRefused(api.get("/logs/%FF").token(ServerProcess.TOKEN).send());
    }

    @Test
    void headerInjectionIsRefused() throws IOException {
        String answer = exchange("GET /logs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token " + ServerProcess.TOKEN
                + "\r\nX-Forwarded-Host: evil\r\n injected: yes\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        Api.Reply key = api.post("/logs", "{\"service\":\"h\",\"message\":\"m\"}")
                .token(WRITER)
                .json()
                .header("Idempotency-Key", "x".repeat(5000))
                .send();
        assertRefused(key);
    }

    @Test
    void truncatedAndMalformedBodiesAreRefused() throws IOException {
        String head = "POST /logs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token " + WRITER
                + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
        String chunked = exchange(head + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"ser\r\nZZ\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 400");
        // Declares more than it sends, then half-closes: the read ends early.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Content-Length: 1000\r\n\r\n{\"service\":").getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).doesNotContain(" 500 ").doesNotContain(" 201 ");
        }
    }

    @Test
    void unknownMethodsAndHugeUrlsAreRefused() throws IOException {
        assertRefused(api.request("FOO", "/logs").token(WRITER).send());
        assertRefused(api.request("TRACE", "/logs").token(WRITER).send());
        String longUrl = exchange("GET /logs?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(longUrl).startsWith("HTTP/1.1 4");
        StringBuilder many = new StringBuilder("/logs?");
        for (int i = 0; i < 3000; i++) {
            many.append("attr.k").append(i).append("=v&");
        }
        assertRefused(api.get(many.toString()).token(ServerProcess.TOKEN).send());
    }

    @Test
    void hugeOffsetsAndReplaysAreBounded() {
        Api.Reply offset =
                api.get("/logs?offset=999999999999").token(ServerProcess.TOKEN).send();
        assertThat(offset.status()).isEqualTo(400);
        assertThat(offset.json().get("field").asString()).isEqualTo("offset");
        for (String q : List.of("%25%25", "-word", "_", "%5C")) {
            assertThat(api.get("/logs?q=" + q).token(ServerProcess.TOKEN).send().status())
                    .as(q)
                    .isIn(200, 422);
        }
    }

    @Test
    void tailsThatNeverReadHoldUpNobody() throws Exception {
        List<Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(1024);
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 5000);
                socket.getOutputStream()
                        .write(("GET /logs/stream HTTP/1.1\r\nHost: localhost\r\nLast-Event-ID: 0\r\n"
                                        + "Authorization: Token " + ServerProcess.TOKEN + "\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                stalled.add(socket);
            }
            String batch = "["
                    + String.join(
                            ",",
                            java.util.Collections.nCopies(
                                    1000, "{\"service\":\"hostile\",\"message\":\"" + "filler ".repeat(100) + "\"}"))
                    + "]";
            for (int i = 0; i < 10; i++) {
                assertThat(api.post("/logs", batch).token(WRITER).json().send().status())
                        .isEqualTo(201);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void farFutureTimestampIsAnItemErrorNotTheTopOfEveryPage() {
        Api.Reply reply = api.post(
                        "/logs",
                        "[{\"service\":\"h\",\"message\":\"future\",\"timestamp\":\"9000-01-01T00:00:00Z\"},"
                                + "{\"service\":\"h\",\"message\":\"now\"}]")
                .token(WRITER)
                .json()
                .send();
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("timestamp");
    }

    private static byte[] gzippedZeros(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    /** Raw bytes out, the answer in, until the server closes; bounded by a read timeout. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // What arrived before the server stopped talking is the answer.
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}
