package io.logcentral.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LogServerTest
class SearchApiTest {

    private static final Pattern NEXT = Pattern.compile("<http://[^/]+(/[^>]+)>; rel=\"next\"");

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "svc-" + UUID.randomUUID();
    }

    private void given(String... messages) {
        List<Map<String, Object>> logs = new ArrayList<>();
        for (String message : messages) {
            logs.add(Api.log(service, "INFO", message));
        }
        post(logs);
    }

    private void post(List<Map<String, Object>> logs) {
        Api.Reply reply = api.post("/logs", Api.write(logs))
                .token(TestTokens.ADMIN)
                .json()
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private Api.Reply search(String q, String params) {
        return api.get("/logs?service=" + service + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + params)
                .token(TestTokens.READER)
                .send();
    }

    private List<String> found(String q) {
        Api.Reply reply = search(q, "&order=asc");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> messages = new ArrayList<>();
        reply.json().forEach(log -> messages.add(log.get("message").asString()));
        return messages;
    }

    @Test
    void wordsAreAllRequiredInAnyOrderAndCase() {
        given("Payment TIMEOUT at gateway", "timeout of the payment", "payment declined", "gateway timeout");

        assertThat(found("payment timeout")).containsExactly("Payment TIMEOUT at gateway", "timeout of the payment");
        assertThat(found("timeout")).hasSize(3);
    }

    @Test
    void quotedPhraseMatchesWordsInARow() {
        given("connection reset by peer", "reset the connection", "connection was reset");

        assertThat(found("\"connection reset\"")).containsExactly("connection reset by peer");
        assertThat(found("\"connection reset\" peer")).containsExactly("connection reset by peer");
    }

    @Test
    void minusExcludesAWordOrPhrase() {
        given("timeout calling bank, will retry", "timeout calling bank", "timeout, dead end");

        assertThat(found("timeout -retry")).containsExactly("timeout calling bank", "timeout, dead end");
        assertThat(found("timeout -retry -\"dead end\"")).containsExactly("timeout calling bank");
        assertThat(found("-timeout")).isEmpty();
        assertThat(found("-retry")).containsExactly("timeout calling bank", "timeout, dead end");
    }

    @Test
    void starMatchesAPrefix() {
        given("connection refused", "connect timeout", "disconnected");

        assertThat(found("conn*")).containsExactly("connection refused", "connect timeout");
        assertThat(found("connection")).containsExactly("connection refused");
        assertThat(found("conn")).isEmpty();
        assertThat(found("timeout -conn*")).isEmpty();
    }

    @Test
    void unicodeWordsMatchAndAccentsAreOptional() {
        given("Zahlung für Müller abgelehnt", "café fermé", "用户 登录 失败", "naïve résumé");

        assertThat(found("müller")).containsExactly("Zahlung für Müller abgelehnt");
        assertThat(found("MÜLLER")).containsExactly("Zahlung für Müller abgelehnt");
        assertThat(found("cafe")).containsExactly("café fermé");
        assertThat(found("resume naive")).containsExactly("naïve résumé");
        assertThat(found("登录")).containsExactly("用户 登录 失败");
    }

    @Test
    void punctuationSplitsWordsAndPunctuationAloneIsASubstring() {
        given("user_id=42 -> status:ok", "GET /api/v1/users 200", "50% done", "no arrow here");

        assertThat(found("user_id=42")).containsExactly("user_id=42 -> status:ok");
        assertThat(found("status:ok")).containsExactly("user_id=42 -> status:ok");
        assertThat(found("/api/v1/users")).containsExactly("GET /api/v1/users 200");
        assertThat(found("->")).containsExactly("user_id=42 -> status:ok");
        assertThat(found("%")).containsExactly("50% done");
        assertThat(found("50%")).containsExactly("50% done");
        assertThat(found("no -\"->\"")).containsExactly("no arrow here");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"",
                "\"\"\"",
                "'",
                "' OR 1=1 --",
                "\") OR 1=1 --",
                "*",
                "**",
                "-",
                "--",
                "-*",
                "AND",
                "a AND OR NOT b",
                "NOT",
                "NEAR(a b, 2)",
                "message:timeout",
                "{message}: x",
                "^start",
                "(",
                ")",
                "a\u0000b",
                "%_\\",
                "🔥",
                "x*y*z",
                "\"unclosed",
                "-\"\""
            })
    void anyQueryIsAnsweredWithoutError(String q) {
        given("a harmless message");

        Api.Reply reply = search(q, "");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().isArray()).isTrue();
        assertThat(api.get("/logs/stats?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                        .token(TestTokens.READER)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void quotesAndBracketsMayBeSentUnencodedAsCurlSendsThem() throws Exception {
        given("connection reset by peer");

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /logs?service=" + service + "&q=\"connection+reset\"+{peer} HTTP/1.1\r\n"
                                    + "Host: 127.0.0.1\r\nAuthorization: Token " + TestTokens.READER + "\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200").contains("connection reset by peer");
        }
    }

    @Test
    void searchCombinesWithEveryOtherFilter() {
        post(List.of(
                Map.of(
                        "service",
                        service,
                        "severity",
                        "ERROR",
                        "message",
                        "timeout at bank",
                        "timestamp",
                        "2024-03-01T10:00:00Z",
                        "attributes",
                        Map.of("region", "eu")),
                Map.of(
                        "service",
                        service,
                        "severity",
                        "INFO",
                        "message",
                        "timeout at bank",
                        "timestamp",
                        "2024-03-01T10:00:01Z",
                        "attributes",
                        Map.of("region", "eu")),
                Map.of(
                        "service",
                        service,
                        "severity",
                        "ERROR",
                        "message",
                        "timeout at bank",
                        "timestamp",
                        "2024-03-01T12:00:00Z",
                        "attributes",
                        Map.of("region", "us")),
                Map.of(
                        "service",
                        service,
                        "severity",
                        "ERROR",
                        "message",
                        "declined at bank",
                        "timestamp",
                        "2024-03-01T10:00:02Z",
                        "attributes",
                        Map.of("region", "eu"))));

        Api.Reply reply = search(
                "timeout bank",
                "&severity=error&timestamp_start=2024-03-01T09:00:00Z&timestamp_end=2024-03-01T11:00:00Z"
                        + "&attr.region=eu");
        assertThat(reply.json()).hasSize(1);
        assertThat(reply.json().get(0).get("timestamp").asString()).isEqualTo("2024-03-01T10:00:00.000000Z");

        Api.Reply stats = api.get("/logs/stats?service=" + service + "&q=timeout&interval=1h"
                        + "&timestamp_start=2024-03-01T10:00:00Z&timestamp_end=2024-03-01T13:00:00Z")
                .token(TestTokens.READER)
                .send();
        assertThat(stats.json().get("buckets").get(0).get("total").asLong()).isEqualTo(2);
        assertThat(stats.json().get("buckets").get(2).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aLogIsFoundAsSoonAsItsPostIsAnswered() {
        String word = "w" + UUID.randomUUID().toString().replace("-", "");

        given("just arrived " + word);

        assertThat(found(word)).containsExactly("just arrived " + word);
    }

    /**
     * Enough logs to span several blocks of ids, with timestamps that mostly rise with the id but not always: late
     * and early arrivals, and ties. Every page must be exactly what sorting all matches would give.
     */
    @Test
    void pagesOfMatchesAreInTimestampOrderAcrossBlocksOfIdsAndArrivalOrder() {
        record Sent(long id, Instant timestamp, String message) {}
        String[] words = {"alpha", "beta", "gamma", "delta", "omega"};
        Random random = new Random(7);
        Instant base = Instant.parse("2024-05-01T00:00:00Z");
        List<Sent> sent = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<Map<String, Object>> logs = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                int n = batch * 3000 + i;
                Instant timestamp =
                        random.nextInt(20) == 0 ? base.plusSeconds(random.nextInt(9000)) : base.plusSeconds(n - n % 3);
                String message = words[random.nextInt(5)] + " " + words[random.nextInt(5)] + " " + n;
                times.add(timestamp);
                messages.add(message);
                logs.add(Map.of("service", service, "message", message, "timestamp", timestamp.toString()));
            }
            Api.Reply reply = api.post("/logs", Api.write(logs))
                    .token(TestTokens.ADMIN)
                    .json()
                    .send();
            assertThat(reply.status()).isEqualTo(201);
            long first = reply.json().get("ids").get(0).asLong();
            for (int i = 0; i < logs.size(); i++) {
                sent.add(new Sent(first + i, times.get(i), messages.get(i)));
            }
        }
        Comparator<Sent> ascending = Comparator.comparing(Sent::timestamp).thenComparingLong(Sent::id);

        Map<String, Predicate<String>> queries = Map.of(
                "alpha", m -> m.matches(".*\\balpha\\b.*"),
                "omega beta", m -> m.contains("omega") && m.contains("beta"),
                "gamma -delta", m -> m.contains("gamma") && !m.contains("delta"),
                "\"alpha alpha\"", m -> m.startsWith("alpha alpha "),
                "4321", m -> m.endsWith(" 4321"));
        queries.forEach((q, matches) -> {
            List<Long> expected = sent.stream()
                    .filter(s -> matches.test(s.message()))
                    .sorted(ascending.reversed())
                    .map(Sent::id)
                    .toList();
            assertThat(walk(q, "&limit=100")).as(q).isEqualTo(expected);
            assertThat(walk(q, "&limit=250&order=asc"))
                    .as(q)
                    .isEqualTo(sent.stream()
                            .filter(s -> matches.test(s.message()))
                            .sorted(ascending)
                            .map(Sent::id)
                            .toList());
            assertThat(ids(search(q, "&limit=7&offset=30")))
                    .as(q)
                    .isEqualTo(expected.subList(Math.min(30, expected.size()), Math.min(37, expected.size())));
        });

        String window = "&timestamp_start=2024-05-01T01:00:00Z&timestamp_end=2024-05-01T01:30:00Z";
        List<Long> inWindow = sent.stream()
                .filter(s -> s.message().contains("beta"))
                .filter(s -> !s.timestamp().isBefore(Instant.parse("2024-05-01T01:00:00Z"))
                        && !s.timestamp().isAfter(Instant.parse("2024-05-01T01:30:00Z")))
                .sorted(ascending.reversed())
                .map(Sent::id)
                .toList();
        assertThat(walk("beta", window + "&limit=50")).isEqualTo(inWindow);
    }

    /** Every id of every page, following the Link header. */
    private List<Long> walk(String q, String params) {
        List<Long> ids = new ArrayList<>();
        Api.Reply page = search(q, params);
        while (true) {
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            ids.addAll(ids(page));
            String link = page.header("Link");
            if (link == null) {
                return ids;
            }
            Matcher next = NEXT.matcher(link);
            assertThat(next.matches()).as(link).isTrue();
            page = api.get(next.group(1)).token(TestTokens.READER).send();
        }
    }

    private static List<Long> ids(Api.Reply reply) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode log : reply.json()) {
            ids.add(log.get("id").asLong());
        }
        return ids;
    }
}
