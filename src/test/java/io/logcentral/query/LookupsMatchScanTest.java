package io.logcentral.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogcentralApplication;
import io.logcentral.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of lookup, through the real API, against a plain scan of what was sent: tens of thousands of logs over
 * a dozen blocks of 4096 ids, with timestamps that mostly rise but also come late, far back and twice the same; request
 * and trace ids and attribute values that recur across blocks; words from a skewed vocabulary. Each query (ids,
 * attributes, words, phrases, prefixes, exclusions, with and without a time range, service and severity filters, both
 * orders) is paged by cursor to its end and must yield exactly the logs the scan finds, in the scan's order. Then the
 * server restarts on the same store, takes more logs, and answers again.
 *
 * <p>The seed changes every run and is in every failure message: {@code -Dlookups.seed=<seed>} replays a failure.
 */
class LookupsMatchScanTest {

    private static final Pattern NEXT = Pattern.compile("<http://[^/]+(/[^>]+)>; rel=\"next\"");
    private static final Instant EPOCH = Instant.parse("2025-06-01T00:00:00Z");
    private static final String[] SEVERITIES = {"DEBUG", "INFO", "INFO", "INFO", "INFO", "WARNING", "ERROR", "CRITICAL"
    };
    private static final String[] REGIONS = {"eu-west-1", "eu-west-1", "eu-west-1", "us-east-1", "ap-south-1"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "DELETE"};
    private static final int SERVICES = 20;
    private static final int VOCABULARY = 3000;
    private static final int MAX_PAGES = 6;

    @TempDir
    Path dataDir;

    private final long seed = Long.getLong("lookups.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final List<Sent> sent = new ArrayList<>();
    private long clock = EPOCH.toEpochMilli() * 1000;
    private Api api;

    /** A log as sent, with the id the server answered and its attributes as the filter compares them. */
    private record Sent(
            long id,
            long ts,
            String service,
            String severity,
            String message,
            List<String> words,
            String requestId,
            String traceId,
            Map<String, String> attributes) {}

    /** One GET /logs: its parameters, and which logs it must return. */
    private record Lookup(String parameters, Predicate<Sent> matches, boolean ascending, int pageSize) {}

    @Test
    void everyLookupPagedToItsEndFindsExactlyWhatAScanOfTheSentLogsFinds() {
        try (ConfigurableApplicationContext server = start()) {
            send(40_000);
            ask(100);
        }
        try (ConfigurableApplicationContext server = start()) {
            ask(30);
            send(5_000);
            ask(50);
        }
    }

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LogcentralApplication.class)
                .properties(
                        "server.port=0",
                        "logcentral.data-dir=" + dataDir,
                        "logcentral.tokens.admin.token=" + TestTokens.ADMIN,
                        "logcentral.tokens.admin.scopes=ingest,read")
                .run();
        api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        return context;
    }

    private void send(int count) {
        for (int done = 0; done < count; done += 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            List<Sent> logs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Sent log = newLog();
                logs.add(log);
                batch.add(json(log));
            }
            Api.Reply reply = api.post("/logs", Api.write(batch))
                    .token(TestTokens.ADMIN)
                    .json()
                    .send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            JsonNode ids = reply.json().get("ids");
            for (int i = 0; i < logs.size(); i++) {
                Sent log = logs.get(i);
                sent.add(new Sent(
                        ids.get(i).asLong(),
                        log.ts(),
                        log.service(),
                        log.severity(),
                        log.message(),
                        log.words(),
                        log.requestId(),
                        log.traceId(),
                        log.attributes()));
            }
        }
    }

    /**
     * Mostly a rising clock, a log a second or so; some logs late by up to two hours, some from days back, some with
     * the previous log's very timestamp.
     */
    private Sent newLog() {
        clock += random.nextInt(2_000_000);
        int shape = random.nextInt(100);
        long ts = shape < 80
                ? clock
                : shape < 90
                        ? clock - random.nextLong(2 * 3600_000_000L)
                        : shape < 92 ? clock - random.nextLong(20 * 86_400_000_000L) : clock - 1_000_000;
        if (shape >= 97 && !sent.isEmpty()) {
            ts = sent.get(random.nextInt(sent.size())).ts();
        }
        StringBuilder message = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (int w = 0, n = 3 + random.nextInt(8); w < n; w++) {
            String word = word(skewed(VOCABULARY));
            words.add(word);
            String separator = switch (random.nextInt(8)) {
                case 0 -> ", ";
                case 1 -> "-";
                case 2 -> " -> ";
                default -> " ";
            };
            message.append(w == 0 ? "" : separator)
                    .append(random.nextInt(10) == 0 ? word.toUpperCase(Locale.ROOT) : word);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("user_id", "u" + skewed(5000));
        attributes.put("region", REGIONS[random.nextInt(REGIONS.length)]);
        if (random.nextBoolean()) {
            attributes.put("status", String.valueOf(random.nextInt(3) == 0 ? 500 : 200));
        }
        if (random.nextInt(4) == 0) {
            attributes.put("http.method", METHODS[random.nextInt(METHODS.length)]);
        }
        return new Sent(
                0,
                ts,
                "svc-" + (char) ('a' + skewed(SERVICES)),
                SEVERITIES[random.nextInt(SEVERITIES.length)],
                message.toString(),
                words,
                random.nextInt(10) < 3 ? null : "req-" + Integer.toHexString(0x100000 + skewed(8000)),
                random.nextBoolean() ? null : "trace-" + Integer.toHexString(0x200000 + skewed(3000)),
                attributes);
    }

    private static Map<String, Object> json(Sent log) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timestamp", iso(log.ts()));
        json.put("service", log.service());
        json.put("severity", log.severity());
        json.put("message", log.message());
        if (log.requestId() != null) {
            json.put("request_id", log.requestId());
        }
        if (log.traceId() != null) {
            json.put("trace_id", log.traceId());
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> attribute : log.attributes().entrySet()) {
            Object value =
                    attribute.getKey().equals("status") ? Integer.parseInt(attribute.getValue()) : attribute.getValue();
            if (attribute.getKey().equals("http.method")) {
                attributes.put("http", Map.of("method", value));
            } else {
                attributes.put(attribute.getKey(), value);
            }
        }
        json.put("attributes", attributes);
        return json;
    }

    private void ask(int queries) {
        for (int i = 0; i < queries; i++) {
            check(lookup());
        }
    }

    /** A lookup of a random kind, with random other filters, its values mostly taken from a log that was sent. */
    private Lookup lookup() {
        Sent example = sent.get(random.nextInt(sent.size()));
        List<String> parameters = new ArrayList<>();
        List<Predicate<Sent>> conditions = new ArrayList<>();
        switch (random.nextInt(9)) {
            case 0 -> {
                String id = random.nextInt(10) == 0 ? "req-absent" : example.requestId();
                if (id != null) {
                    parameters.add("request_id=" + encode(id));
                    conditions.add(log -> id.equals(log.requestId()));
                }
            }
            case 1 -> {
                String id = random.nextInt(10) == 0 ? "trace-absent" : example.traceId();
                if (id != null) {
                    parameters.add("trace_id=" + encode(id));
                    conditions.add(log -> id.equals(log.traceId()));
                }
            }
            case 2 -> {
                List<String> keys = List.copyOf(example.attributes().keySet());
                String key = keys.get(random.nextInt(keys.size()));
                String value = example.attributes().get(key);
                parameters.add("attr." + key + "=" + encode(value));
                conditions.add(log -> value.equals(log.attributes().get(key)));
            }
            case 3, 4 -> {
                String word = random.nextInt(5) == 0 ? word(random.nextInt(VOCABULARY)) : pick(example.words());
                String typed = random.nextBoolean() ? word : word.toUpperCase(Locale.ROOT);
                parameters.add("q=" + encode(typed));
                conditions.add(log -> log.words().contains(word));
            }
            case 5 -> {
                int at = random.nextInt(example.words().size() - 1);
                List<String> phrase = example.words().subList(at, at + 2);
                parameters.add("q=" + encode("\"" + String.join(" ", phrase) + "\""));
                conditions.add(log -> containsRun(log.words(), phrase));
            }
            case 6 -> {
                String one = pick(example.words());
                String two = pick(example.words());
                String prefix = two.substring(0, Math.min(two.length(), 3));
                parameters.add("q=" + encode(one + " " + prefix + "*"));
                conditions.add(
                        log -> log.words().contains(one) && log.words().stream().anyMatch(w -> w.startsWith(prefix)));
            }
            case 7 -> {
                String kept = pick(example.words());
                String excluded = word(skewed(50));
                parameters.add("q=" + encode(kept + " -" + excluded));
                conditions.add(log -> log.words().contains(kept) && !log.words().contains(excluded));
            }
            default -> {
                if (random.nextBoolean()) {
                    parameters.add("q=" + encode("->"));
                    conditions.add(log -> log.message().contains("->"));
                }
            }
        }
        if (random.nextInt(3) == 0) {
            long a = sent.get(random.nextInt(sent.size())).ts();
            long b = random.nextBoolean()
                    ? a + random.nextLong(6 * 3600_000_000L)
                    : sent.get(random.nextInt(sent.size())).ts();
            long from = Math.min(a, b);
            long to = Math.max(a, b);
            int bounds = random.nextInt(3);
            if (bounds != 1) {
                parameters.add("timestamp_start=" + encode(iso(from)));
                conditions.add(log -> log.ts() >= from);
            }
            if (bounds != 2) {
                parameters.add("timestamp_end=" + encode(iso(to)));
                conditions.add(log -> log.ts() <= to);
            }
        }
        if (random.nextInt(3) == 0) {
            String service =
                    random.nextBoolean() ? example.service() : "svc-" + (char) ('a' + random.nextInt(SERVICES));
            parameters.add("service=" + encode(random.nextBoolean() ? service : service.toUpperCase(Locale.ROOT)));
            conditions.add(log -> log.service().equals(service));
        }
        if (random.nextInt(3) == 0) {
            String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
            // One severity from WARNING up with one service is a page the service's severity index answers.
            Set<String> severities = random.nextBoolean() || severity.equals("CRITICAL")
                    ? Set.of(severity)
                    : Set.of(severity, "CRITICAL");
            parameters.add("severity=" + String.join(",", severities));
            conditions.add(log -> severities.contains(log.severity()));
        }
        boolean ascending = random.nextInt(3) == 0;
        if (ascending) {
            parameters.add("order=asc");
        }
        Predicate<Sent> matches = conditions.stream().reduce(log -> true, Predicate::and);
        long expected = sent.stream().filter(matches).count();
        int pageSize = (int) Math.max(new int[] {1, 7, 100, 1000}[random.nextInt(4)], Math.min(1000, expected / 8 + 1));
        parameters.add("limit=" + pageSize);
        return new Lookup(String.join("&", parameters), matches, ascending, pageSize);
    }

    private void check(Lookup lookup) {
        Comparator<Sent> order = Comparator.comparingLong(Sent::ts).thenComparingLong(Sent::id);
        List<Long> expected = sent.stream()
                .filter(lookup.matches())
                .sorted(lookup.ascending() ? order : order.reversed())
                .map(Sent::id)
                .toList();
        List<Long> found = new ArrayList<>();
        String path = "/logs?" + lookup.parameters();
        int pages = 0;
        while (path != null && pages < MAX_PAGES) {
            Api.Reply reply = api.get(path).token(TestTokens.ADMIN).send();
            String context = "seed " + seed + ", GET " + path;
            assertThat(reply.status()).as(context + ": " + reply).isEqualTo(200);
            JsonNode page = reply.json();
            assertThat(page.size()).as(context).isLessThanOrEqualTo(lookup.pageSize());
            for (JsonNode log : page) {
                found.add(log.get("id").asLong());
            }
            String link = reply.header("Link");
            if (link == null) {
                path = null;
            } else {
                Matcher next = NEXT.matcher(link);
                assertThat(next.find()).as(context + ": Link " + link).isTrue();
                path = next.group(1);
            }
            pages++;
        }
        countsMatch(lookup, expected.size());
        String context = "seed " + seed + ", GET /logs?" + lookup.parameters() + ", " + pages + " pages";
        if (path == null) {
            assertThat(found).as(context).isEqualTo(expected);
        } else {
            assertThat(found).as(context).isEqualTo(expected.subList(0, Math.min(found.size(), expected.size())));
            assertThat(found).as(context).hasSize(MAX_PAGES * lookup.pageSize());
        }
    }

    /** {@code /logs/stats} with the lookup's filters counts the logs it finds: counts read the same filters. */
    private void countsMatch(Lookup lookup, long expected) {
        List<String> parameters = new ArrayList<>();
        for (String parameter : lookup.parameters().split("&")) {
            if (!parameter.startsWith("limit=") && !parameter.startsWith("order=")) {
                parameters.add(parameter);
            }
        }
        if (parameters.stream().noneMatch(p -> p.startsWith("timestamp_start="))) {
            parameters.add("timestamp_start="
                    + encode(iso(sent.stream().mapToLong(Sent::ts).min().orElseThrow())));
        }
        if (parameters.stream().noneMatch(p -> p.startsWith("timestamp_end="))) {
            parameters.add("timestamp_end="
                    + encode(iso(sent.stream().mapToLong(Sent::ts).max().orElseThrow())));
        }
        String path = "/logs/stats?interval=1d&" + String.join("&", parameters);
        Api.Reply reply = api.get(path).token(TestTokens.ADMIN).send();
        assertThat(reply.status())
                .as("seed " + seed + ", GET " + path + ": " + reply)
                .isEqualTo(200);
        long counted = 0;
        for (JsonNode bucket : reply.json().get("buckets")) {
            counted += bucket.get("total").asLong();
        }
        assertThat(counted).as("seed " + seed + ", GET " + path).isEqualTo(expected);
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        for (int i = 0; i + run.size() <= words.size(); i++) {
            if (words.subList(i, i + run.size()).equals(run)) {
                return true;
            }
        }
        return false;
    }

    /** 0..n-1, low numbers far more often than high ones (roughly Zipf). */
    private int skewed(int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, random.nextDouble())) - 1);
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    /** A word of letters only, which the full-text tokenizer keeps whole. */
    private static String word(int index) {
        StringBuilder word = new StringBuilder("w");
        int rest = index;
        do {
            word.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return word.toString();
    }

    private static String iso(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
