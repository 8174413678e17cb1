package io.logcentral.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LogServerTest
class StatsApiTest {

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "svc-" + UUID.randomUUID();
        String logs = String.join(
                ",",
                log(service, "2024-01-01T10:00:00Z", "ERROR"),
                log(service, "2024-01-01T10:00:59.999999Z", "ERROR"),
                log(service, "2024-01-01T10:01:00Z", "INFO"),
                log(service, "2024-01-01T10:03:30+02:00", "WARNING"),
                log(service.toUpperCase(), "2024-01-01T10:02:00Z", "CRITICAL"));
        assertThat(api.post("/logs", "[" + logs + "]")
                        .token(TestTokens.ADMIN)
                        .json()
                        .send()
                        .status())
                .isEqualTo(201);
    }

    private static String log(String service, String timestamp, String severity) {
        return "{\"service\":\"" + service + "\",\"timestamp\":\"" + timestamp + "\",\"severity\":\"" + severity
                + "\",\"message\":\"m\"}";
    }

    private JsonNode stats(String params) {
        Api.Reply reply = api.get("/logs/stats?service=" + service + "&" + params)
                .token(TestTokens.READER)
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void statsCountPerMinuteAndSeverityWithEmptyBucketsFilled() {
        JsonNode stats = stats("interval=1m&timestamp_start=2024-01-01T10:00:00Z&timestamp_end=2024-01-01T10:04:00Z");

        assertThat(stats.get("interval").asString()).isEqualTo("1m");
        JsonNode buckets = stats.get("buckets");
        assertThat(buckets).hasSize(5);
        assertThat(buckets.get(0).get("start").asString()).isEqualTo("2024-01-01T10:00:00.000000Z");
        assertThat(buckets.get(0).get("total").asLong()).isEqualTo(2);
        assertThat(buckets.get(0).get("counts").get("ERROR").asLong()).isEqualTo(2);
        assertThat(buckets.get(0).get("counts").get("INFO").asLong()).isZero();
        assertThat(buckets.get(1).get("counts").get("INFO").asLong()).isEqualTo(1);
        assertThat(buckets.get(2).get("counts").get("CRITICAL").asLong()).isEqualTo(1);
        assertThat(buckets.get(3).get("total").asLong()).isZero();
        assertThat(buckets.get(4).get("total").asLong()).isZero();
        assertThat(stats.get("buckets").get(0).has("services")).isFalse();
    }

    @Test
    void statsByServiceAndWithOffsetsAndSeverityFilter() {
        JsonNode stats = stats("interval=1h&by=service&level=warning&timestamp_start=2024-01-01T08:00:00Z"
                + "&timestamp_end=2024-01-01T10:59:59Z");

        JsonNode buckets = stats.get("buckets");
        assertThat(buckets).hasSize(3);
        assertThat(buckets.get(0).get("counts").get("WARNING").asLong()).isEqualTo(1);
        assertThat(buckets.get(0).get("services").get(service).get("WARNING").asLong())
                .isEqualTo(1);
        assertThat(buckets.get(2).get("total").asLong()).isZero();
    }

    @Test
    void byServiceGivesTheTotalsOfTheSameStatsWithoutItAndEachServiceItsShare() {
        String other = "other-" + service;
        assertThat(api.post(
                                "/logs",
                                "[" + log(other, "2024-01-01T10:00:30Z", "ERROR") + ","
                                        + log(other, "2024-01-01T10:02:15.5Z", "INFO") + ","
                                        + log(other, "2024-01-01T10:03:59.5Z", "DEBUG") + "]")
                        .token(TestTokens.ADMIN)
                        .json()
                        .send()
                        .status())
                .isEqualTo(201);
        // Ragged ends: the first and last minutes are counted from the logs, the others from the counts per minute.
        String query = "/logs/stats?interval=1m&service=" + service + "," + other
                + "&timestamp_start=2024-01-01T10:00:00.5Z&timestamp_end=2024-01-01T10:03:59.9Z";
        JsonNode plain = api.get(query).token(TestTokens.READER).send().json();
        JsonNode split =
                api.get(query + "&by=service").token(TestTokens.READER).send().json();

        assertThat(split.get("truncated").asBoolean()).isFalse();
        long total = 0;
        for (int i = 0; i < plain.get("buckets").size(); i++) {
            JsonNode bucket = split.get("buckets").get(i);
            assertThat(bucket.get("total"))
                    .isEqualTo(plain.get("buckets").get(i).get("total"));
            assertThat(bucket.get("counts"))
                    .isEqualTo(plain.get("buckets").get(i).get("counts"));
            long services = 0;
            for (JsonNode counts : bucket.get("services")) {
                for (JsonNode count : counts) {
                    services += count.asLong();
                }
            }
            assertThat(services)
                    .as("bucket %d", i)
                    .isEqualTo(bucket.get("total").asLong());
            total += services;
        }
        assertThat(total).isEqualTo(6);
    }

    @Test
    void statsDefaultToTheLast24HoursAndRefuseAnUnknownInterval() {
        JsonNode stats = stats("");

        assertThat(stats.get("interval").asString()).isEqualTo("5m");
        assertThat(stats.get("buckets").size()).isBetween(288, 289);
        assertThat(api.get("/logs/stats?interval=7s")
                        .token(TestTokens.READER)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/logs/stats").token(TestTokens.WRITER).send().status())
                .isEqualTo(403);
    }

    @Test
    void servicesListsWhatWasSeenInTheRangeWithCounts() {
        Api.Reply reply = api.get("/logs/services?timestamp_start=2024-01-01&timestamp_end=2024-01-02")
                .token(TestTokens.READER)
                .send();

        assertThat(reply.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode seen : reply.json().get("services")) {
            if (seen.get("name").asString().equalsIgnoreCase(service)) {
                mine = seen;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("count").asLong()).isEqualTo(5);
        assertThat(mine.get("last_seen").asString()).isEqualTo("2024-01-01T10:02:00.000000Z");
    }

    /**
     * Whole minutes are counted from the counts per minute, the ragged ends of a range from the logs: any range, cut
     * anywhere, must give the counts of the logs themselves.
     */
    @Test
    void statsAndServicesAgreeWithTheLogsForRangesCutAnywhere() {
        String other = "svc-" + UUID.randomUUID();
        Random random = new Random(11);
        Instant base = Instant.parse("2023-06-01T00:00:00Z");
        List<Instant> times = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Instant at = base.plusMillis(random.nextInt(3 * 3600 * 1000)).plusNanos(random.nextInt(1000) * 1000L);
            times.add(at);
            logs.add(log(i % 3 == 0 ? other : service, at.toString(), i % 2 == 0 ? "ERROR" : "INFO"));
        }
        assertThat(api.post("/logs", "[" + String.join(",", logs) + "]")
                        .token(TestTokens.ADMIN)
                        .json()
                        .send()
                        .status())
                .isEqualTo(201);

        for (int round = 0; round < 12; round++) {
            Instant from = base.plusMillis(random.nextInt(3600 * 1000)).plusNanos(random.nextInt(1000) * 1000L);
            Instant to = from.plusMillis(random.nextInt(2 * 3600 * 1000));
            long mine = 0;
            long errors = 0;
            for (int i = 0; i < times.size(); i++) {
                if (!times.get(i).isBefore(from) && !times.get(i).isAfter(to)) {
                    mine += i % 3 == 0 ? 0 : 1;
                    errors += i % 3 != 0 && i % 2 == 0 ? 1 : 0;
                }
            }
            String range = "&timestamp_start=" + from + "&timestamp_end=" + to;

            long total = 0;
            long errorCount = 0;
            for (JsonNode bucket : stats("interval=5m" + range).get("buckets")) {
                total += bucket.get("total").asLong();
                errorCount += bucket.get("counts").get("ERROR").asLong();
            }
            assertThat(total).as(range).isEqualTo(mine);
            assertThat(errorCount).as(range).isEqualTo(errors);

            JsonNode services = api.get("/logs/services?service=" + service + range)
                    .token(TestTokens.READER)
                    .send()
                    .json()
                    .get("services");
            assertThat(services.isEmpty() ? 0 : services.get(0).get("count").asLong())
                    .as(range)
                    .isEqualTo(mine);
        }
    }
}
