package io.logcentral.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The limits of reading, on a store of a million logs (written straight into the table, in a day of the year 2000)
 * where a scan no index narrows takes far longer than the budget set here.
 */
// SQLite only: fills the SQLite table with SQL of its own; ReadBudgetsTest pins the PostgreSQL budget.
@SqliteOnly
@LogServerTest
@TestPropertySource(
        properties = {
            "logcentral.query.timeout=100ms",
            "logcentral.query.tail-replay=100",
            "logcentral.query.max-services=3",
            "logcentral.query.max-stats-services=2"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLimitsTest {

    private static final int BULK = 1_000_000;
    private static final String BULK_DAY = "timestamp_start=2000-01-01&timestamp_end=2000-01-02";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource store;

    Api api;
    String service;

    @BeforeAll
    void fillTheStore() {
        new JdbcTemplate(store)
                .update(
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
                                + " INSERT INTO logs (ts, received_at, service, severity, message, attributes)"
                                + " SELECT 946684800000000 + i * 86400, 946684800000000 + i * 86400, 'bulk', 2,"
                                + " 'bulk message number ' || i, '{\"k\":\"v' || i || '\"}' FROM n",
                        BULK);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "svc-" + UUID.randomUUID();
    }

    private Api.Reply get(String path) {
        return api.get(path).token(TestTokens.READER).send();
    }

    private static void assertPastTheBudget(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asString()).isEqualTo("logcentral.query.timeout");
        assertThat(reply.json().get("error").asString()).contains("100 ms", "time range", "service");
    }

    private List<Long> ingest(String serviceName, int count) {
        String logs = String.join(
                ",",
                IntStream.range(0, count)
                        .mapToObj(i -> "{\"service\":\"" + serviceName + "\",\"message\":\"log " + i + "\"}")
                        .toList());
        Api.Reply reply = api.post("/logs", "[" + logs + "]")
                .token(TestTokens.ADMIN)
                .json()
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        reply.json().get("ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    @Test
    void searchForOnlySymbolsOverTheWholeStoreIs422NamingTheTimeout() {
        assertPastTheBudget(get("/logs?q=%25%25"));
    }

    @Test
    void unindexedFiltersOverTheWholeStoreAre422() {
        // Request ids, trace ids and attributes have block filters: what is left to scan is symbols and exclusions.
        assertPastTheBudget(get("/logs?severity=INFO&q=%25%25"));
        assertPastTheBudget(get("/logs?q=-nowhere%20%25%25"));
    }

    @Test
    void exportPastTheBudgetIs422BeforeAnyLine() {
        Api.Reply reply = api.get("/logs?q=%25%25")
                .token(TestTokens.READER)
                .header("Accept", "application/x-ndjson")
                .send();
        assertPastTheBudget(reply);
    }

    @Test
    void exportThatRunsPastTheBudgetMidwayEndsAsABrokenTransfer() {
        String logs = String.join(
                ",",
                IntStream.range(0, 1000)
                        .mapToObj(
                                i -> "{\"service\":\"" + service + "\",\"message\":\"one of many -> " + service + "\"}")
                        .toList());
        assertThat(api.post("/logs", "[" + logs + "]")
                        .token(TestTokens.ADMIN)
                        .json()
                        .send()
                        .status())
                .isEqualTo(201);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logs?q=-%3E"))
                .header("Authorization", "Token " + TestTokens.READER)
                .header("Accept", "application/x-ndjson")
                .build();

        CompletableFuture<HttpResponse<String>> export =
                CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());

        // The first chunk (the 1000 newest logs) comes at once; the next scans the million old ones.
        assertThat(export)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableThat()
                .havingRootCause()
                .isInstanceOf(IOException.class);
    }

    @Test
    void statsAndServicesPastTheBudgetAre422() {
        assertPastTheBudget(get("/logs/stats?q=%25%25&" + BULK_DAY));
        // An exclusion alone gives the block filters nothing to narrow: every log of the day is read.
        assertPastTheBudget(get("/logs/stats?by=service&q=-nowhere&" + BULK_DAY));
        assertPastTheBudget(get("/logs/services?q=%25%25&" + BULK_DAY));
    }

    @Test
    void queriesPastTheBudgetReleaseTheirReadersAtOnce() throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<Api.Reply>> slow = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> get("/logs?q=%25%25")))
                .toList();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Api.Reply> reply : slow) {
            statuses.add(reply.get(20, TimeUnit.SECONDS).status());
        }
        long slowMillis = (System.nanoTime() - start) / 1_000_000;

        long quickStart = System.nanoTime();
        Api.Reply quick = get("/logs?service=bulk&limit=1");
        long quickMillis = (System.nanoTime() - quickStart) / 1_000_000;

        assertThat(statuses).containsOnly(422);
        // Twelve reads of 100 ms each on four readers: well under a second unless a reader stays held.
        assertThat(slowMillis).isLessThan(3_000);
        assertThat(quick.status()).isEqualTo(200);
        assertThat(quickMillis).isLessThan(1_000);
    }

    @Test
    void servicesListsTheMostLoggedUpToTheCapAndSaysItIsCut() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            names.add(service + "-" + i);
            ingest(service + "-" + i, i);
        }

        JsonNode body = get("/logs/services?service=" + String.join(",", names)).json();

        assertThat(body.get("truncated").asBoolean()).isTrue();
        assertThat(body.get("max_services").asInt()).isEqualTo(3);
        assertThat(body.get("services").findValuesAsString("name"))
                .containsExactly(names.get(4), names.get(3), names.get(2));
        JsonNode all = get("/logs/services?service=" + names.get(0)).json();
        assertThat(all.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void statsByServiceBreaksDownTheTopServicesOnlyAndSaysItIsCut() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            names.add(service + "-" + i);
            ingest(service + "-" + i, i);
        }

        JsonNode body = get("/logs/stats?by=service&since=1h&service=" + String.join(",", names))
                .json();

        assertThat(body.get("truncated").asBoolean()).isTrue();
        assertThat(body.get("max_services").asInt()).isEqualTo(2);
        long total = 0;
        List<String> broken = new ArrayList<>();
        for (JsonNode bucket : body.get("buckets")) {
            total += bucket.get("total").asLong();
            bucket.get("services").propertyNames().forEach(broken::add);
        }
        assertThat(total).isEqualTo(10);
        assertThat(broken).isNotEmpty().allMatch(name -> name.equals(names.get(3)) || name.equals(names.get(2)));
    }

    @Test
    void resumingFromLastEventIdZeroReplaysOnlyTheReplayWindowAndSaysSo() throws Exception {
        List<Long> ids = ingest(service, 300);
        long newest = ids.get(ids.size() - 1);

        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/logs/stream?service=" + service))
                .header("Authorization", "Token " + TestTokens.READER)
                .header("Last-Event-ID", "0")
                .build();
        HttpResponse<Stream<String>> stream =
                CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        List<String[]> events;
        try (Stream<String> lines = stream.body()) {
            events = CompletableFuture.supplyAsync(() -> namedEvents(lines.iterator(), 101))
                    .get(10, TimeUnit.SECONDS);
        }

        assertThat(events.get(0)[0]).isEqualTo("skipped");
        assertThat(Api.json(events.get(0)[2]).get("resumed_after").asLong()).isEqualTo(newest - 100);
        assertThat(events.subList(1, events.size()))
                .extracting(e -> Long.parseLong(e[1]))
                .containsExactlyElementsOf(ids.subList(200, 300));
    }

    /** Events as (name, id, data), until {@code count} have come. */
    private static List<String[]> namedEvents(Iterator<String> lines, int count) {
        List<String[]> events = new ArrayList<>();
        String name = "message";
        String id = null;
        while (events.size() < count && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                events.add(new String[] {name, id, line.substring(5).trim()});
                name = "message";
                id = null;
            }
        }
        return events;
    }
}
