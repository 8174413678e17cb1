package io.logcentral.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LogServerTest
class QueryApiTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "svc-" + UUID.randomUUID();
    }

    /** Stores logs of this test's service, one per line of {@code timestamp|severity|message|extra json}. */
    private List<Long> given(String... rows) {
        List<String> logs = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split("\\|", -1);
            String extra = f.length > 3 && !f[3].isEmpty() ? "," + f[3] : "";
            logs.add("{\"service\":\"" + service + "\",\"timestamp\":\"" + f[0] + "\",\"severity\":\"" + f[1]
                    + "\",\"message\":\"" + f[2] + "\"" + extra + "}");
        }
        Api.Reply reply = api.post("/logs", "[" + String.join(",", logs) + "]")
                .token(TestTokens.ADMIN)
                .json()
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        reply.json().get("ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private Api.Reply query(String params) {
        return api.get("/logs?service=" + service + (params.isEmpty() ? "" : "&" + params))
                .token(TestTokens.READER)
                .send();
    }

    private List<String> messages(String params) {
        Api.Reply reply = query(params);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> messages = new ArrayList<>();
        reply.json().forEach(log -> messages.add(log.get("message").asString()));
        return messages;
    }

    @Test
    void findReturnsNewestFirstAndAscWhenAsked() {
        given("2024-01-01T00:00:02Z|INFO|second", "2024-01-01T00:00:01Z|INFO|first", "2024-01-01T00:00:03Z|INFO|third");

        assertThat(messages("")).containsExactly("third", "second", "first");
        assertThat(messages("order=asc")).containsExactly("first", "second", "third");
    }

    @Test
    void findWritesEveryFieldOfTheContract() {
        given("2024-11-08T14:23:30.1234+01:00|warn|disk low|\"request_id\":\"r1\",\"host\":\"h1\",\"data\":{\"a\":1}");

        JsonNode log = query("").json().get(0);
        assertThat(log.propertyNames())
                .containsExactly(
                        "id",
                        "timestamp",
                        "received_at",
                        "service",
                        "severity",
                        "level",
                        "message",
                        "request_id",
                        "trace_id",
                        "span_id",
                        "host",
                        "attributes",
                        "data");
        assertThat(log.get("timestamp").asString()).isEqualTo("2024-11-08T13:23:30.123400Z");
        assertThat(log.get("received_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(log.get("severity").asString()).isEqualTo("WARNING");
        assertThat(log.get("level").asString()).isEqualTo("WARNING");
        assertThat(log.get("span_id").isNull()).isTrue();
    }

    @Test
    void findFiltersByTimestampRangeInclusive() {
        given(
                "2024-01-01T00:00:00Z|INFO|before",
                "2024-01-02T00:00:00Z|INFO|start",
                "2024-01-02T12:00:00Z|INFO|mid",
                "2024-01-03T00:00:00Z|INFO|end",
                "2024-01-03T00:00:01Z|INFO|after");

        assertThat(messages("timestamp_start=2024-01-02&timestamp_end=2024-01-03T00:00:00"))
                .containsExactly("end", "mid", "start");
        assertThat(messages("timestamp_start=2024-01-02T13:00:00%2B01:00")).containsExactly("after", "end", "mid");
        assertThat(messages("timestamp_end=1704067200")).containsExactly("before");
    }

    @Test
    void findFiltersByReceivedAtAndSince() {
        given("2000-01-01T00:00:00Z|INFO|old event");

        assertThat(messages("received_at_start=2020-01-01")).containsExactly("old event");
        assertThat(messages("received_at_end=2020-01-01")).isEmpty();
        assertThat(messages("since=1h")).isEmpty();
        assertThat(messages("since=30000d")).containsExactly("old event");
    }

    @Test
    void findFiltersBySeverityListsCaseInsensitivelyAndUnknownMatchesNothing() {
        given(
                "2024-01-01T00:00:01Z|DEBUG|d",
                "2024-01-01T00:00:02Z|INFO|i",
                "2024-01-01T00:00:03Z|WARNING|w",
                "2024-01-01T00:00:04Z|ERROR|e",
                "2024-01-01T00:00:05Z|CRITICAL|c");

        assertThat(messages("severity=error")).containsExactly("e");
        assertThat(messages("level=warn,Error")).containsExactly("e", "w");
        assertThat(messages("level=info&level=fatal")).containsExactly("c", "i");
        assertThat(messages("level=40")).containsExactly("e");
        assertThat(messages("level=bogus")).isEmpty();
        assertThat(messages("level=")).hasSize(5);
        assertThat(messages("min_severity=warning")).containsExactly("c", "e", "w");
        assertThat(messages("min_severity=warning&severity=info,error")).containsExactly("e");
    }

    @Test
    void findFiltersByServiceCaseInsensitivelyAndByList() {
        given("2024-01-01T00:00:01Z|INFO|mine");

        Api.Reply reply = api.get("/logs?service=nobody," + service.toUpperCase())
                .token(TestTokens.READER)
                .send();
        assertThat(reply.json()).hasSize(1);
    }

    @Test
    void findFiltersByTextRequestTraceAndAttributes() {
        given(
                "2024-01-01T00:00:01Z|INFO|Payment TIMEOUT at gateway|\"request_id\":\"req-1\",\"user\":{\"id\":7}",
                "2024-01-01T00:00:02Z|INFO|100% done_ok|\"trace_id\":\"t-9\",\"attributes\":{\"user_id\":\"user123\"}",
                "2024-01-01T00:00:03Z|INFO|nothing here");

        assertThat(messages("q=timeout")).containsExactly("Payment TIMEOUT at gateway");
        assertThat(messages("q=100%25")).containsExactly("100% done_ok");
        assertThat(messages("q=don_")).isEmpty();
        assertThat(messages("request_id=req-1")).containsExactly("Payment TIMEOUT at gateway");
        assertThat(messages("trace_id=t-9")).containsExactly("100% done_ok");
        assertThat(messages("attr.user_id=user123")).containsExactly("100% done_ok");
        assertThat(messages("attr.user.id=7")).containsExactly("Payment TIMEOUT at gateway");
        assertThat(messages("attr.user.id=8")).isEmpty();
        assertThat(messages("unknown_param=1")).hasSize(3);
    }

    @Test
    void findClampsLimitAndRefusesOneThatIsNotAWholeNumber() {
        given("2024-01-01T00:00:01Z|INFO|a", "2024-01-01T00:00:02Z|INFO|b", "2024-01-01T00:00:03Z|INFO|c");

        assertThat(messages("limit=2")).containsExactly("c", "b");
        assertThat(messages("limit=0")).containsExactly("c");
        assertThat(messages("limit=-5")).containsExactly("c");
        assertThat(messages("limit=99999999999999999999")).hasSize(3);
        assertThat(messages("limit=2&offset=1")).containsExactly("b", "a");
        Api.Reply bad = query("limit=ten");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("limit");
        assertThat(bad.json().get("error").asString()).contains("limit");
    }

    @Test
    void findWhenParametersAreUnreadableReturns400NamingThem() {
        for (String param : new String[] {"timestamp_start", "timestamp_end", "received_at_start", "received_at_end"}) {
            Api.Reply reply = query(param + "=yesterday");
            assertThat(reply.status()).as(param).isEqualTo(400);
            assertThat(reply.json().get("field").asString()).isEqualTo(param);
        }
        assertThat(query("since=forever").status()).isEqualTo(400);
        assertThat(query("order=sideways").status()).isEqualTo(400);
        assertThat(query("offset=1.5").status()).isEqualTo(400);
        assertThat(query("cursor=not-a-cursor").status()).isEqualTo(400);
    }

    @Test
    void pagingThroughLinkVisitsEveryLogExactlyOnce() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // pairs share a timestamp, so the id must break the tie
            rows.add("2024-01-01T00:00:%02dZ|INFO|m%d".formatted(i / 2, i));
        }
        Set<Long> expected = new HashSet<>(given(rows.toArray(String[]::new)));

        Set<Long> seen = new HashSet<>();
        String url = "/logs?service=" + service + "&limit=4";
        int pages = 0;
        while (url != null) {
            Api.Reply page = api.get(url).token(TestTokens.READER).send();
            assertThat(page.status()).isEqualTo(200);
            page.json()
                    .forEach(log -> assertThat(seen.add(log.get("id").asLong())).isTrue());
            given("2024-01-01T00:00:05Z|INFO|arrived while paging");
            String link = page.header("Link");
            url = link == null ? null : relative(link);
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(7);
        assertThat(seen).containsAll(expected);
    }

    @Test
    void linkIsAbsoluteAndHonoursForwardedHeaders() {
        given("2024-01-01T00:00:01Z|INFO|a", "2024-01-01T00:00:02Z|INFO|b");

        Api.Reply reply = api.get("/logs?service=" + service + "&limit=1")
                .token(TestTokens.READER)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "logs.example.org")
                .send();

        assertThat(reply.header("Link")).startsWith("<https://logs.example.org/logs?service=" + service);
        assertThat(reply.header("Link")).contains("cursor=").endsWith(">; rel=\"next\"");
    }

    @Test
    void findOneReturnsTheLogOr404() {
        long id = given("2024-01-01T00:00:01Z|INFO|one").get(0);

        Api.Reply found = api.get("/logs/" + id).token(TestTokens.READER).send();
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asLong()).isEqualTo(id);
        Api.Reply missing = api.get("/logs/987654321").token(TestTokens.READER).send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("error").asString()).contains("987654321");
    }

    @Test
    void tokenBoundToAServiceReadsOnlyThatService() {
        long other = given("2024-01-01T00:00:01Z|INFO|not for reports").get(0);
        Api.Reply own = api.post("/logs", "{\"message\":\"for reports\"}")
                .token(TestTokens.REPORTS)
                .json()
                .send();

        Api.Reply all = api.get("/logs?limit=1000").token(TestTokens.REPORTS).send();
        all.json().forEach(log -> assertThat(log.get("service").asString()).isEqualToIgnoringCase("reports"));
        assertThat(all.json()).isNotEmpty();
        assertThat(api.get("/logs?service=" + service)
                        .token(TestTokens.REPORTS)
                        .send()
                        .json())
                .isEmpty();
        assertThat(api.get("/logs/" + other).token(TestTokens.REPORTS).send().status())
                .isEqualTo(404);
        long mine = own.json().get("ids").get(0).asLong();
        assertThat(api.get("/logs/" + mine).token(TestTokens.REPORTS).send().status())
                .isEqualTo(200);
    }

    @Test
    void exportAsNdjsonStreamsEveryMatchBeyondOnePage() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add("2024-01-01T00:%02d:%02dZ|INFO|m%d".formatted(i / 60 % 60, i % 60, i));
        }
        Set<Long> ids = new HashSet<>(given(rows.toArray(String[]::new)));

        Api.Reply reply = api.get("/logs?service=" + service)
                .token(TestTokens.READER)
                .header("Accept", "application/x-ndjson")
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/x-ndjson");
        assertThat(reply.header("Content-Disposition")).contains("logs.ndjson");
        String[] lines = reply.body().split("\n");
        assertThat(lines).hasSize(2500);
        Set<Long> exported = new HashSet<>();
        long previous = Long.MAX_VALUE;
        for (String line : lines) {
            JsonNode log = Api.json(line);
            assertThat(exported.add(log.get("id").asLong())).isTrue();
            assertThat(log.get("id").asLong()).isLessThan(previous);
            previous = log.get("id").asLong();
        }
        assertThat(exported).isEqualTo(ids);
    }

    @Test
    void exportAsCsvHasFixedColumnsAndHonoursLimit() {
        given(
                "2024-01-01T00:00:01Z|INFO|plain",
                "2024-01-01T00:00:02Z|ERROR|has, comma \\\"quoted\\\"|\"a\":1",
                "2024-01-01T00:00:03Z|INFO|third");

        Api.Reply reply = api.get("/logs?service=" + service + "&limit=2")
                .token(TestTokens.READER)
                .header("Accept", "text/csv")
                .send();

        assertThat(reply.contentType()).startsWith("text/csv");
        String[] lines = reply.body().split("\n");
        assertThat(lines[0])
                .isEqualTo("id,timestamp,received_at,service,severity,message,request_id,trace_id,span_id,host,"
                        + "attributes");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",INFO,third,");
        assertThat(lines[2]).contains(",ERROR,\"has, comma \"\"quoted\"\"\",,,,,\"{\"\"a\"\":1}\"");
    }

    @Test
    void jsonStaysTheAnswerForWildcardAccept() {
        given("2024-01-01T00:00:01Z|INFO|a");

        Api.Reply reply = api.get("/logs?service=" + service)
                .token(TestTokens.READER)
                .header("Accept", "*/*")
                .send();

        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().isArray()).isTrue();
    }

    private String relative(String link) {
        Matcher m = NEXT.matcher(link);
        assertThat(m.matches()).as(link).isTrue();
        String absolute = m.group(1);
        assertThat(absolute).startsWith("http://127.0.0.1:" + port + "/logs?");
        return absolute.substring(("http://127.0.0.1:" + port).length());
    }
}
