import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query benchmark of PRODUCT.md "Performance targets" (query on 10 M stored logs), over real HTTP against a
 * running server: one client thread, one request at a time, so a latency is the server's time for that query alone.
 * Per kind and run it sends N requests with parameters drawn afresh each time (random hours, services, words, users;
 * fixed seed), so the figures are not those of one query answered from a warm page over and over. Prints per kind
 * the median over runs of each run's p50 and p99, and the median number of results a request returned.
 *
 * <p>Time ranges are anchored on the newest stored log rather than on the clock, so a store generated hours ago
 * (bench/query.sh REUSE=...) is queried over the same rows as a fresh one: "since=24h" is sent as the equivalent
 * timestamp_start/timestamp_end pair ending at the newest log.
 *
 * <p>java -cp sqlite-jdbc.jar bench/QueryBench.java <base url> <token> <runs> <requests per run> [words file]
 * <br>words file: querybench-words.txt that bench/GenerateLogs.java wrote next to the store (rare and common words
 * with their exact counts); without it the rare-word kind is skipped.
 * <br>-Dbudget=30: seconds a kind may take per run; past it the run ends after at least one request (the whole-store
 * attribute filter scans every log, so N of them would take long).
 * <br>-Dtsv=<file>: also appends one line per kind to the file, "kind TAB p50 TAB p99 TAB non-200 answers" (medians
 * over runs), for scripts that put several runs side by side (bench/tenmillion.sh).
 */
public class QueryBench {

    static final long HOUR = 3600L * 1_000_000;
    // Logs are written with id first, so each one starts with {"id": (generated attributes hold no "id" key).
    static final Pattern ITEM = Pattern.compile("\\{\"id\":");
    static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");
    static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    static final Pattern SIZE = Pattern.compile("\"size_bytes\":(\\d+)");

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final String base;
    final String token;
    final Random random = new Random(42);
    final double budgetSeconds = Double.parseDouble(System.getProperty("budget", "30"));
    /** -Dslow=<ms>: print every request of a kind with a target that took longer, to find what makes a p99. */
    final double slowMs = Double.parseDouble(System.getProperty("slow", "0"));
    final Path tsv = System.getProperty("tsv") == null ? null : Path.of(System.getProperty("tsv"));
    String lastPath;

    // What the data holds, from the words file and the server.
    long oldest;
    long newest;
    long count;
    int users = 100_000;
    final List<String> services = new ArrayList<>();
    final List<String> rareWords = new ArrayList<>();
    final Map<String, Long> wordCounts = new LinkedHashMap<>();
    final List<String> commonWords = new ArrayList<>();
    final List<String> requestIds = new ArrayList<>();
    final List<String> traceIds = new ArrayList<>();

    /** One answer: how long it took, its status, and how many results it carried. */
    record Answer(double ms, int status, long results, String body, String next) {}

    /** What a kind measured in one run. */
    record RunResult(double p50, double p99, double medianResults, int requests, int errors, double logsPerSecond) {}

    /** A kind of query: how to make its next request, and the target it is held to (0: none). */
    interface Kind {
        Answer send() throws Exception;
    }

    record Measure(String name, String target, double targetMs, Kind kind, boolean export) {}

    QueryBench(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java bench/QueryBench.java <base url> <token> <runs> <requests per run>"
                    + " [words file]");
            System.exit(2);
        }
        QueryBench bench = new QueryBench(args[0], args[1]);
        int runs = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        bench.learn(args.length > 4 && Files.exists(Path.of(args[4])) ? Path.of(args[4]) : null);
        bench.run(runs, requests);
    }

    /** The data's time range, services and words: from the words file when given, else from the server. */
    void learn(Path wordsFile) throws Exception {
        newest = micros(firstTimestamp(get("/logs?limit=1").body()));
        oldest = micros(firstTimestamp(get("/logs?limit=1&order=asc").body()));
        if (wordsFile != null) {
            for (String line : Files.readAllLines(wordsFile)) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "count" -> count = Long.parseLong(f[1]);
                    case "users" -> users = Integer.parseInt(f[1]);
                    case "service" -> services.add(f[1]);
                    case "rare" -> rareWords.add(f[1]);
                    // Short words (in, for, to) are common too, but nobody searches for them alone.
                    case "common" -> {
                        if (f[1].length() >= 4) {
                            commonWords.add(f[1]);
                        }
                    }
                    default -> { }
                }
                if (f[0].equals("rare") || f[0].equals("common")) {
                    wordCounts.put(f[1], Long.parseLong(f[2]));
                }
            }
        }
        if (services.isEmpty() || count == 0) {
            // The whole store, one GROUP BY over every log: slow on 10 M logs, done once.
            String body = get("/logs/services?timestamp_start=" + iso(oldest) + "&timestamp_end=" + iso(newest)).body();
            Matcher names = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(body);
            services.clear();
            while (names.find()) {
                services.add(names.group(1));
            }
            count = sum(COUNT, body);
        }
        // Request and trace ids of logs picked at random: the generator makes them up.
        for (int i = 0; i < 100; i++) {
            String body = get("/logs/" + (1 + (long) (random.nextDouble() * count))).body();
            Matcher request = Pattern.compile("\"request_id\":\"([^\"]+)\"").matcher(body);
            Matcher trace = Pattern.compile("\"trace_id\":\"([^\"]+)\"").matcher(body);
            if (request.find()) {
                requestIds.add(request.group(1));
            }
            if (trace.find()) {
                traceIds.add(trace.group(1));
            }
        }
        if (commonWords.isEmpty()) {
            commonWords.addAll(List.of("payment", "user", "client", "cache"));
        }
        System.out.printf(Locale.ROOT, "data: %,d logs from %s to %s, %d services, %d rare words (%s logs each),"
                        + " common words %s%n", count, iso(oldest), iso(newest), services.size(), rareWords.size(),
                rareWords.isEmpty() ? "-" : rareWords.stream().mapToLong(wordCounts::get).min().getAsLong() + ".."
                        + rareWords.stream().mapToLong(wordCounts::get).max().getAsLong(),
                commonWords.stream().map(w -> w + (wordCounts.containsKey(w)
                        ? String.format(Locale.ROOT, " %.0f%%", 100.0 * wordCounts.get(w) / count) : "")).toList());
    }

    void run(int runs, int requests) throws Exception {
        List<Measure> measures = measures();
        Map<String, List<RunResult>> results = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            for (Measure m : measures) {
                RunResult result = m.export() ? exportRun(m, Math.max(1, requests / 50)) : run(m, requests);
                results.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(result);
            }
            // Other work on the machine shows in the latencies: say how busy it was.
            System.out.printf("run %d of %d done, load average %s%n", r, runs,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
        print(measures, results, runs, requests);
    }

    /** A kind's requests of one run: N of them, or fewer when they take longer than the budget. */
    RunResult run(Measure m, int requests) throws Exception {
        List<Double> latencies = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        int errors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            Answer a = m.kind().send();
            if (a.status() != 200) {
                errors++;
                if (errors <= 3) {
                    System.out.printf("  %s: HTTP %d %s%n", m.name(), a.status(), abbreviate(a.body()));
                }
            }
            if (slowMs > 0 && m.targetMs() > 0 && a.ms() > slowMs) {
                System.out.printf(Locale.ROOT, "  slow: %.1f ms, %s: %s%n", a.ms(), m.name(), lastPath);
            }
            latencies.add(a.ms());
            counts.add(a.results());
            if ((System.nanoTime() - start) / 1e9 > budgetSeconds) {
                break;
            }
        }
        return new RunResult(percentile(latencies, 50), percentile(latencies, 99),
                median(counts.stream().map(Long::doubleValue).toList()), latencies.size(), errors, 0);
    }

    /** Exports: logs per second over the run's exports (lines over wall time). */
    RunResult exportRun(Measure m, int requests) throws Exception {
        List<Double> latencies = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < requests; i++) {
            Answer a = m.kind().send();
            errors += a.status() == 200 ? 0 : 1;
            latencies.add(a.ms());
            counts.add(a.results());
        }
        double seconds = latencies.stream().mapToDouble(Double::doubleValue).sum() / 1000;
        long lines = counts.stream().mapToLong(Long::longValue).sum();
        return new RunResult(percentile(latencies, 50), percentile(latencies, 99),
                median(counts.stream().map(Long::doubleValue).toList()), latencies.size(), errors, lines / seconds);
    }

    List<Measure> measures() {
        List<Measure> list = new ArrayList<>();
        String page = "p99 <= 20";
        String text = "p99 <= 50";
        String stats = "<= 200";
        // The floor: a primary-key lookup, so what every other kind costs above it is its query.
        list.add(new Measure("floor: GET /logs/{id}", "", 0,
                () -> page("/logs/" + (1 + (long) (random.nextDouble() * count))), false));
        list.add(new Measure("filtered page: service=S&severity=ERROR, 1 h", page, 20, () -> {
            long[] h = hour();
            return page("/logs?service=" + pick(services) + "&severity=ERROR" + range(h));
        }, false));
        if (!rareWords.isEmpty()) {
            list.add(new Measure("q=<rare word> (< 100 logs), whole store", text, 50,
                    () -> page("/logs?q=" + enc(pick(rareWords))), false));
        }
        list.add(new Measure("q=<common word> (> 5 % of logs)", text, 50,
                () -> page("/logs?q=" + enc(pick(commonWords))), false));
        list.add(new Measure("q=timeout&service=payments&severity=ERROR, 1 h", text, 50, () -> {
            // "3 a.m.": every ERROR of payments in an hour that mentions timeout; an hour of the last day.
            long end = newest - (long) (random.nextDouble() * 23 * HOUR);
            return page("/logs?q=timeout&service=payments&severity=ERROR" + range(new long[] {end - HOUR, end}));
        }, false));
        list.add(new Measure("q=<common word>&service=S (one of the services)", text, 50,
                () -> page("/logs?q=" + enc(pick(commonWords)) + "&service=" + enc(pick(services))), false));
        if (!requestIds.isEmpty()) {
            list.add(new Measure("request_id=<id>, whole store", text, 50,
                    () -> page("/logs?request_id=" + enc(pick(requestIds))), false));
            list.add(new Measure("trace_id=<id>, whole store", text, 50,
                    () -> page("/logs?trace_id=" + enc(pick(traceIds))), false));
        }
        list.add(new Measure("attr.user_id=userN, 1 h", page, 20,
                () -> page("/logs?attr.user_id=user" + random.nextInt(users) + range(hour())), false));
        list.add(new Measure("attr.user_id=userN, whole store", page, 20,
                () -> page("/logs?attr.user_id=user" + random.nextInt(users)), false));
        list.add(new Measure("stats 24 h (since=24h)", stats, 200,
                () -> counted("/logs/stats?" + day().substring(1), TOTAL), false));
        list.add(new Measure("stats 24 h by=service", stats, 200,
                () -> counted("/logs/stats?by=service" + day(), TOTAL), false));
        list.add(new Measure("services 24 h (since=24h)", "", 0,
                () -> counted("/logs/services?" + day().substring(1), COUNT), false));
        // Link pages: walks of 50 pages of a random service, each page timed; then page 51 of a few services
        // (reached by such walks once, untimed) fetched again and again.
        list.add(new Measure("Link pages 1..50: service=S&limit=100", page, 20, new Kind() {
            String next;
            int pages;

            @Override
            public Answer send() throws Exception {
                if (next == null || pages == 50) {
                    next = "/logs?service=" + enc(pick(services)) + "&limit=100";
                    pages = 0;
                }
                Answer a = page(next);
                next = a.next();
                pages++;
                return a;
            }
        }, false));
        List<String> deep = new ArrayList<>();
        list.add(new Measure("Link page 51 (deep cursor), service=S&limit=100", page, 20, () -> {
            if (deep.isEmpty()) {
                deep.addAll(deepPages(4));
            }
            return page(deep.get(random.nextInt(deep.size())));
        }, false));
        // A cursor 1,000,000 logs deep (or half the store, when smaller), from the even spread of the generated
        // timestamps: where a long export or a walk through every page gets to.
        list.add(new Measure("cursor page 1,000,000 deep: limit=100&cursor=..", page, 20, () -> {
            double depth = Math.min(1_000_000, count / 2.0) / Math.max(1, count);
            long ts = newest - (long) ((newest - oldest) * depth) - random.nextInt(1_000_000);
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((ts + ":" + Long.MAX_VALUE / 2).getBytes(StandardCharsets.US_ASCII));
            return page("/logs?limit=100&cursor=" + cursor);
        }, false));
        list.add(new Measure("export 1 h NDJSON (since=1h), logs/s", "", 0, () -> {
            long[] h = hour();
            return export("/logs?" + range(h).substring(1));
        }, true));
        return list;
    }

    /** A random hour of the data, [start, end] in micros. */
    long[] hour() {
        long end = oldest + HOUR + (long) (random.nextDouble() * (newest - oldest - HOUR));
        return new long[] {end - HOUR, end};
    }

    /** The last 24 h before the newest log, give or take an hour, as since=24h asks of a store being written. */
    String day() {
        long end = newest - (long) (random.nextDouble() * HOUR);
        return range(new long[] {end - 24 * HOUR, end});
    }

    String range(long[] r) {
        return "&timestamp_start=" + iso(r[0]) + "&timestamp_end=" + iso(r[1]);
    }

    Answer page(String path) throws Exception {
        return counted(path, ITEM);
    }

    /** Items of a page (one {"id": each), or the sum of a number field (stats totals, service counts). */
    Answer counted(String path, Pattern results) throws Exception {
        lastPath = path;
        long start = System.nanoTime();
        HttpResponse<String> response = send(path, null, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        String body = response.body();
        long n = results == ITEM ? ITEM.matcher(body).results().count() : sum(results, body);
        String next = response.headers().firstValue("Link").map(link -> {
            Matcher m = NEXT.matcher(link);
            return m.find() ? m.group(1) : null;
        }).orElse(null);
        return new Answer(ms, response.statusCode(), n, body, next);
    }

    /** An export read to its end, counting lines as they stream, so the body is never held whole. */
    Answer export(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response =
                send(path, "application/x-ndjson", HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        return new Answer(ms, response.statusCode(), lines, "", null);
    }

    Answer get(String path) throws Exception {
        return counted(path, ITEM);
    }

    /**
     * The Link URLs of page 51 of {@code service=S&limit=100} for up to {@code wanted} services, following each
     * page's Link header 50 times; services with fewer than 5,100 logs have no page 51 and are passed over.
     */
    List<String> deepPages(int wanted) throws Exception {
        List<String> candidates = new ArrayList<>(services);
        java.util.Collections.shuffle(candidates, random);
        List<String> deep = new ArrayList<>();
        for (String service : candidates) {
            String next = "/logs?service=" + enc(service) + "&limit=100";
            for (int page = 1; page <= 50 && next != null; page++) {
                next = get(next).next();
            }
            if (next != null) {
                deep.add(next);
            }
            if (deep.size() == wanted) {
                break;
            }
        }
        if (deep.isEmpty()) {
            throw new IllegalStateException("no service has a page 51 of 100 logs");
        }
        return deep;
    }

    <T> HttpResponse<T> send(String pathOrUrl, String accept, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        // Link headers are absolute URLs; everything else is a path on the base URL.
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Token " + token)
                .GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), handler);
    }

    void print(List<Measure> measures, Map<String, List<RunResult>> results, int runs, int requests)
            throws Exception {
        System.out.println();
        System.out.printf("logcentral query benchmark: %s, %d runs of up to %d requests per kind (budget %.0f s a kind"
                + " a run), one client thread, medians over runs%n", base, runs, requests, budgetSeconds);
        System.out.printf("%-50s %7s %9s %9s  %-10s %-6s %11s   %s%n", "kind", "n/run", "p50 ms", "p99 ms", "target",
                "", "results", "p99 of each run");
        for (Measure m : measures) {
            List<RunResult> rs = results.get(m.name());
            double p50 = median(rs.stream().map(RunResult::p50).toList());
            double p99 = median(rs.stream().map(RunResult::p99).toList());
            int errors = rs.stream().mapToInt(RunResult::errors).sum();
            String verdict = m.targetMs() == 0 ? "" : p99 <= m.targetMs() ? "ok" : "MISS";
            String n = rs.stream().map(r -> String.valueOf(r.requests())).distinct().reduce((a, b) -> a + "/" + b)
                    .orElse("");
            System.out.printf(Locale.ROOT, "%-50s %7s %9.1f %9.1f  %-10s %-6s %11.0f   %s%s%n", m.name(), n, p50, p99,
                    m.target(), verdict, median(rs.stream().map(RunResult::medianResults).toList()),
                    rs.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.p99())).toList(),
                    errors == 0 ? "" : "  " + errors + " non-200 answers");
            if (tsv != null) {
                Files.writeString(tsv, String.format(Locale.ROOT, "%s\t%.1f\t%.1f\t%d%n", m.name(), p50, p99, errors),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            if (m.export()) {
                System.out.printf(Locale.ROOT, "%-50s %7s %9.0f   %s%n", "  export rate, logs/s", "",
                        median(rs.stream().map(RunResult::logsPerSecond).toList()),
                        rs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.logsPerSecond())).toList());
            }
        }
        Matcher size = SIZE.matcher(get("/health").body());
        if (size.find() && count > 0) {
            long bytes = Long.parseLong(size.group(1));
            System.out.printf(Locale.ROOT, "%-50s %7s %9.0f   (%,d bytes for %,d logs)%n",
                    "store size, bytes per log (db + wal)", "", (double) bytes / count, bytes, count);
        }
        System.out.println("results: median per request of logs on the page, logs counted (stats, services), or"
                + " lines exported");
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    static long sum(Pattern field, String body) {
        return field.matcher(body).results().mapToLong(m -> Long.parseLong(m.group(1))).sum();
    }

    static String firstTimestamp(String body) {
        Matcher m = TIMESTAMP.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("the store holds no logs, or the token cannot read them: " + body);
        }
        return m.group(1);
    }

    static long micros(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L)
                .toString();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** Nearest rank: the value at or below which p % of the samples lie. */
    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[(sorted.length - 1) / 2];
    }
}
