import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fills a logcentral store with realistic logs for the query benchmark (bench/query.sh), straight into the schema that
 * the server's Flyway migrations created, with the same statements as the server's writer (LogWriter): per batch of
 * 5,000 rows one JDBC batch of INSERTs, then INDEX_LOGS, TRACK_BLOCKS and (since V5) COUNT_MINUTES, then a commit.
 * Going through HTTP would take hours for 10 million logs; the rows are the same either way. When LogWriter changes,
 * change the statements here too.
 *
 * <p>Shape: timestamps spread evenly over the 7 days ending now, rising with the id, 1 % of them late (up to 1 h
 * older than their neighbours); skewed services and severities; messages from ~40 templates, each with one extra word
 * drawn from a Zipf-distributed vocabulary of 50,000 synthetic words, so some words are in a handful of logs only.
 *
 * <p>Also writes {@code <data dir>/querybench-words.txt}: the data's time range, services, and words whose exact
 * document counts are known (rare: under 100 logs; common: over 5 %), which bench/QueryBench.java picks from.
 *
 * <p>java -Xmx256m -cp sqlite-jdbc.jar bench/GenerateLogs.java <data dir> <count>
 */
public class GenerateLogs {

    static final int BATCH = 5000;
    static final long SEED = 20241108L;
    static final long SPAN_MICROS = 7L * 24 * 3600 * 1_000_000;
    static final long HOUR_MICROS = 3600L * 1_000_000;
    static final int VOCABULARY = 50_000;
    /** Zipf exponent of the extra word: at 10 M logs the rarest words land in about 10 logs, the top one in 14 %. */
    static final double WORD_SKEW = 1.1;
    static final int USERS = 100_000;

    static final String INSERT_LOG = "INSERT INTO logs (id, ts, received_at, service, severity, message,"
            + " request_id, trace_id, span_id, host, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // Copied from LogWriter: the search index, the blocks' time ranges and the counts per minute, a batch at a time.
    static final String INDEX_LOGS =
            "INSERT INTO logs_fts (rowid, message)" + " SELECT id, message FROM logs WHERE id BETWEEN ? AND ?";
    static final String TRACK_BLOCKS = "INSERT INTO log_blocks (block, min_ts, max_ts)"
            + " SELECT id >> 12, MIN(ts), MAX(ts) FROM logs WHERE id BETWEEN ? AND ? GROUP BY id >> 12"
            + " ON CONFLICT (block) DO UPDATE SET min_ts = MIN(min_ts, excluded.min_ts),"
            + " max_ts = MAX(max_ts, excluded.max_ts)";
    // Since V5__log_counts.sql: the counts per minute, service and severity that stats and services read.
    static final String COUNT_MINUTES = "INSERT INTO log_counts (minute, service, severity, n, last_ts)"
            + " SELECT (ts - ((ts % 60000000) + 60000000) % 60000000) / 60000000, service, severity, COUNT(*), MAX(ts)"
            + " FROM logs WHERE id BETWEEN ? AND ? GROUP BY 1, 2, 3"
            + " ON CONFLICT (minute, service, severity) DO UPDATE SET n = n + excluded.n,"
            + " last_ts = MAX(last_ts, excluded.last_ts)";

    // Shares in percent: one big service, a long tail (Zipf-like), as a real fleet looks.
    static final String[] SERVICES = {"api-gateway", "auth", "payments", "checkout", "search", "users", "orders",
        "notifications", "inventory", "reports", "billing-cron", "audit"};
    static final double[] SERVICE_SHARE = {30, 15, 12, 10, 9, 7, 6, 4, 3.5, 2, 1, 0.5};

    // TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL: the ordinals the server stores.
    static final double[] SEVERITY_SHARE = {2, 15, 63, 12, 7, 1};

    static final String[] HOSTS = {"web-01", "web-02", "web-03", "web-04", "web-05", "web-06", "web-07", "web-08",
        "worker-01", "worker-02", "worker-03", "worker-04", "worker-05", "worker-06", "db-proxy-01", "db-proxy-02",
        "db-proxy-03", "batch-01", "batch-02", "batch-03"};
    static final String[] REGIONS = {"eu-west-1", "eu-west-1", "eu-west-1", "eu-central-1", "eu-central-1",
        "us-east-1", "us-east-1", "us-west-2", "ap-southeast-1", "sa-east-1"};

    /**
     * Templates by severity (index = ordinal; TRACE and DEBUG share theirs). Placeholders: {w} the extra vocabulary
     * word (exactly one per template), {id} a number, {n} milliseconds, {k} a small count, {u} a user id, {hex} a
     * short hex id, {ip} an address, {amt} an amount, {pct} a percentage. The number after | is the HTTP status the
     * attributes carry, 0 for none.
     */
    static final String[][] TEMPLATES = {
        { // TRACE
            "entering handler {w} with {k} arguments|0",
            "span {hex} started for operation {w}|0",
            "acquired lock {w}-{id} after {n} ms|0",
        },
        { // DEBUG
            "cache miss for key {w}:{id}, loaded from db in {n} ms|0",
            "cache hit for key {w}:{id}|0",
            "sql query on table {w} returned {k} rows in {n} ms|0",
            "feature flag {w} evaluated to false for user {u}|0",
            "retrying connection to {w}, attempt {k}|0",
            "serialized response for {w} in {n} ms, {id} bytes|0",
        },
        { // INFO
            "GET /api/v1/users/{id} 200 in {n} ms (client {w})|200",
            "POST /api/v1/orders 201 in {n} ms (client {w})|201",
            "GET /api/v1/products/{id} 200 in {n} ms (client {w})|200",
            "GET /api/v1/search?q={w} 200 in {n} ms|200",
            "user {u} logged in from {ip} via {w}|0",
            "order {id} created for user {u} with {k} items, campaign {w}|0",
            "payment {id} authorized for {amt} EUR by bank {w}|0",
            "invoice {id} sent to {u} via {w}|0",
            "email queued for {u} with template {w}|0",
            "job {w} finished in {n} ms, processed {id} records|0",
            "scheduled task {w} started|0",
            "session {hex} refreshed for user {u} on {w}|0",
            "health check ok for upstream {w} in {n} ms|0",
            "message {hex} published to topic {w}|0",
        },
        { // WARNING
            "slow request GET /api/v1/reports/{id} took {n} ms (client {w})|200",
            "retrying payment {id} after timeout from bank {w}, attempt {k}|0",
            "connection pool {w} near capacity: {k} of 50 in use|0",
            "rate limit approaching for client {w}: {id} requests in the last minute|429",
            "disk usage at {pct}% on volume {w}|0",
            "deprecated api version v1 called by {w}|0",
            "cache eviction storm on {w}: {id} keys evicted in {n} ms|0",
        },
        { // ERROR
            "payment {id} declined by bank {w}: timeout after {n} ms|0",
            "payment {id} declined by bank {w}: insufficient funds|0",
            "POST /api/v1/checkout 500 in {n} ms: upstream {w} unavailable|500",
            "database query on {w} failed: connection reset by peer after {n} ms|0",
            "failed to send email to {u}: smtp server {w} refused connection|0",
            "unhandled exception in handler {w}: NullPointerException at line {k}|500",
            "timeout waiting for lock {w}-{id} after {n} ms|0",
            "order {id} could not be reserved: item {w} out of stock|409",
            "authentication failed for user {u} from {ip}: invalid token issued by {w}|401",
        },
        { // CRITICAL
            "database {w} unreachable: all {k} replicas down|0",
            "out of memory in worker {w}: heap {pct}% used after full gc|0",
            "payment gateway {w} down: {id} transactions failing, timeout after {n} ms|503",
        },
    };

    /** A template cut into literal text and placeholders once, so a message is a few appends. */
    record Template(int index, int severity, String[] parts, int httpStatus, Set<String> words) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp sqlite-jdbc.jar bench/GenerateLogs.java <data dir> <count>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long count = Long.parseLong(args[1]);
        Path db = dir.resolve("logcentral.db");
        if (!Files.exists(db)) {
            throw new IllegalStateException(db + " does not exist: start the server on " + dir + " once first,"
                    + " so its Flyway migrations create the schema");
        }
        Random random = new Random(SEED);
        List<List<Template>> templates = templates();
        Set<String> templateWords = new HashSet<>();
        templates.forEach(group -> group.forEach(t -> templateWords.addAll(t.words())));
        String[] vocabulary = vocabulary(new Random(SEED + 1), templateWords);
        double[] wordCdf = cdf(zipf(VOCABULARY, WORD_SKEW));
        double[] serviceCdf = cdf(SERVICE_SHARE);
        double[] severityCdf = cdf(SEVERITY_SHARE);

        // Exact document counts, for the words file: per vocabulary word, per template, per service.
        int[] wordCounts = new int[VOCABULARY];
        long[] templateCounts = new long[templates.stream().mapToInt(List::size).sum()];
        long[] serviceCounts = new long[SERVICES.length];

        long end = System.currentTimeMillis() * 1000;
        long start = end - SPAN_MICROS;
        long minTs = Long.MAX_VALUE;
        long maxTs = Long.MIN_VALUE;

        boolean countMinutes;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                // The pragmas of bench/RawJdbcCeiling.java, which are the server's (SqliteDataSources).
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=normal");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("PRAGMA cache_size=-16000");
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM logs")) {
                    if (rs.next() && rs.getLong(1) != 0) {
                        throw new IllegalStateException(db + " already holds logs: generate into a fresh store");
                    }
                }
                // Whatever tables the server's migrations made, the writer keeps: a store made by a jar from before
                // V5 has no counts per minute, and its writer does not keep them.
                try (ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'log_counts'")) {
                    countMinutes = rs.next() && rs.getLong(1) == 1;
                }
            }
            System.out.println("per batch: INSERT logs, INDEX_LOGS, TRACK_BLOCKS"
                    + (countMinutes ? ", COUNT_MINUTES" : "") + " (as LogWriter)");
            c.setAutoCommit(false);
            StringBuilder message = new StringBuilder(160);
            StringBuilder attributes = new StringBuilder(160);
            long began = System.nanoTime();
            long lastReport = began;
            long lastReportId = 0;
            try (PreparedStatement insert = c.prepareStatement(INSERT_LOG);
                    PreparedStatement index = c.prepareStatement(INDEX_LOGS);
                    PreparedStatement blocks = c.prepareStatement(TRACK_BLOCKS);
                    PreparedStatement minutes = countMinutes ? c.prepareStatement(COUNT_MINUTES) : null) {
                long id = 1;
                while (id <= count) {
                    long first = id;
                    long last = Math.min(count, id + BATCH - 1);
                    for (; id <= last; id++) {
                        // Evenly spread and rising with the id, as logs committed in arrival order are.
                        long arrived = start + (long) ((id - 1) * (double) SPAN_MICROS / count);
                        long ts = arrived;
                        if (random.nextInt(100) == 0) {
                            // A late arrival: a client that buffered, retried, or has a slow clock.
                            ts -= (long) (random.nextDouble() * HOUR_MICROS);
                        }
                        long receivedAt = arrived + 1000 + random.nextInt(20_000);
                        int service = pick(serviceCdf, random);
                        int severity = pick(severityCdf, random);
                        List<Template> group = templates.get(severity);
                        Template template = group.get(random.nextInt(group.size()));
                        int word = pick(wordCdf, random);
                        String user = "user" + random.nextInt(USERS);
                        message.setLength(0);
                        render(template, vocabulary[word], user, random, message);
                        attributes.setLength(0);
                        attributes(template, user, random, attributes);
                        wordCounts[word]++;
                        templateCounts[template.index()]++;
                        serviceCounts[service]++;
                        minTs = Math.min(minTs, ts);
                        maxTs = Math.max(maxTs, ts);

                        insert.setLong(1, id);
                        insert.setLong(2, ts);
                        insert.setLong(3, receivedAt);
                        insert.setString(4, SERVICES[service]);
                        insert.setInt(5, severity);
                        insert.setString(6, message.toString());
                        insert.setString(7, hex(random.nextLong()));
                        insert.setString(8, hex(random.nextLong()) + hex(random.nextLong()));
                        insert.setString(9, hex(random.nextLong()));
                        insert.setString(10, HOSTS[random.nextInt(HOSTS.length)]);
                        insert.setString(11, attributes.toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    index.setLong(1, first);
                    index.setLong(2, last);
                    index.executeUpdate();
                    blocks.setLong(1, first);
                    blocks.setLong(2, last);
                    blocks.executeUpdate();
                    if (minutes != null) {
                        minutes.setLong(1, first);
                        minutes.setLong(2, last);
                        minutes.executeUpdate();
                    }
                    c.commit();
                    long now = System.nanoTime();
                    if (now - lastReport > 10_000_000_000L || id > count) {
                        System.out.printf(Locale.ROOT, "generated %,d of %,d: %,.0f rows/s (last %.0f s), %,.0f rows/s"
                                        + " overall%n", last, count, (last - lastReportId) / ((now - lastReport) / 1e9),
                                (now - lastReport) / 1e9, last / ((now - began) / 1e9));
                        lastReport = now;
                        lastReportId = last;
                    }
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            c.setAutoCommit(true);
            long stored;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM logs")) {
                rs.next();
                stored = rs.getLong(1);
            }
            System.out.printf(Locale.ROOT, "generation_rows_per_s %.0f%n", count / seconds);
            System.out.printf(Locale.ROOT, "generation_seconds %.1f%n", seconds);
            System.out.printf(Locale.ROOT, "logs_stored %d%n", stored);
        }
        writeWords(dir.resolve("querybench-words.txt"), count, minTs, maxTs, vocabulary, wordCounts, templates,
                templateCounts, serviceCounts);
    }

    /**
     * What QueryBench needs to pick realistic parameters: the time range, the services, rare words (in fewer than
     * 100 logs, at least 1) and common words (in more than 5 % of logs), each with its exact number of logs.
     */
    static void writeWords(Path file, long count, long minTs, long maxTs, String[] vocabulary, int[] wordCounts,
            List<List<Template>> templates, long[] templateCounts, long[] serviceCounts) throws Exception {
        Map<String, Long> templateWordCounts = new LinkedHashMap<>();
        templates.forEach(group -> group.forEach(t -> t.words().forEach(
                w -> templateWordCounts.merge(w, templateCounts[t.index()], Long::sum))));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("# written by bench/GenerateLogs.java; read by bench/QueryBench.java");
            out.println("count " + count);
            out.println("min_ts_micros " + minTs);
            out.println("max_ts_micros " + maxTs);
            out.println("users " + USERS);
            for (int i = 0; i < SERVICES.length; i++) {
                out.println("service " + SERVICES[i] + " " + serviceCounts[i]);
            }
            templateWordCounts.forEach((w, n) -> {
                // Words of letters only: numbers such as 200 are common too, but not what people search for.
                if (n > count / 20 && w.matches("[a-z]+")) {
                    out.println("common " + w + " " + n);
                }
            });
            for (int i = 0; i < VOCABULARY; i++) {
                if (wordCounts[i] > count / 20) {
                    out.println("common " + vocabulary[i] + " " + wordCounts[i]);
                }
            }
            // Rare words spread over the whole rare range, not only the rarest: at most 200 of them.
            List<Integer> rare = new ArrayList<>();
            for (int i = 0; i < VOCABULARY; i++) {
                if (wordCounts[i] > 0 && wordCounts[i] < 100) {
                    rare.add(i);
                }
            }
            int step = Math.max(1, rare.size() / 200);
            for (int i = 0; i < rare.size(); i += step) {
                out.println("rare " + vocabulary[rare.get(i)] + " " + wordCounts[rare.get(i)]);
            }
        }
    }

    static List<List<Template>> templates() {
        List<List<Template>> all = new ArrayList<>();
        int index = 0;
        for (int severity = 0; severity < TEMPLATES.length; severity++) {
            List<Template> group = new ArrayList<>();
            for (String spec : TEMPLATES[severity]) {
                String text = spec.substring(0, spec.lastIndexOf('|'));
                int status = Integer.parseInt(spec.substring(spec.lastIndexOf('|') + 1));
                // Literal text at even indexes, placeholder names at odd ones.
                String[] parts = text.split("[{}]", -1);
                // The words the index finds in the literal text (as unicode61 splits them), for the document counts.
                Set<String> words = new HashSet<>();
                for (int i = 0; i < parts.length; i += 2) {
                    for (String w : parts[i].toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                        if (!w.isEmpty()) {
                            words.add(w);
                        }
                    }
                }
                group.add(new Template(index++, severity, parts, status, words));
            }
            all.add(group);
        }
        return all;
    }

    static void render(Template t, String word, String user, Random random, StringBuilder out) {
        String[] parts = t.parts();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                out.append(parts[i]);
                continue;
            }
            switch (parts[i]) {
                case "w" -> out.append(word);
                case "id" -> out.append(random.nextInt(10_000_000));
                case "n" -> out.append(latency(random));
                case "k" -> out.append(1 + random.nextInt(12));
                case "u" -> out.append(user);
                case "hex" -> out.append(hex(random.nextLong()), 0, 8);
                case "ip" -> out.append("10.").append(random.nextInt(256)).append('.').append(random.nextInt(256))
                        .append('.').append(random.nextInt(256));
                case "amt" -> out.append(1 + random.nextInt(500)).append('.').append(10 + random.nextInt(90));
                case "pct" -> out.append(80 + random.nextInt(20));
                default -> throw new IllegalArgumentException("unknown placeholder {" + parts[i] + "}");
            }
        }
    }

    /** {"user_id":"user123","region":"eu-west-1","duration_ms":42,"http":{"status":200}}; 10 % without a user. */
    static void attributes(Template t, String user, Random random, StringBuilder out) {
        out.append('{');
        if (random.nextInt(10) != 0) {
            out.append("\"user_id\":\"").append(user).append("\",");
        }
        out.append("\"region\":\"").append(REGIONS[random.nextInt(REGIONS.length)]).append("\",\"duration_ms\":")
                .append(latency(random));
        if (t.httpStatus() != 0) {
            out.append(",\"http\":{\"status\":").append(t.httpStatus()).append('}');
        }
        out.append('}');
    }

    /** Mostly fast, with a long tail, as request latencies are. */
    static int latency(Random random) {
        double u = random.nextDouble();
        return (int) (5 + 20 * u / (1.02 - u));
    }

    /** 50,000 distinct made-up words of 3 or 4 syllables, none of them a word of the templates. */
    static String[] vocabulary(Random random, Set<String> reserved) {
        String consonants = "bcdfghjklmnprstvwxz";
        String vowels = "aeiou";
        Set<String> seen = new HashSet<>(reserved);
        String[] words = new String[VOCABULARY];
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < VOCABULARY; ) {
            w.setLength(0);
            for (int s = 0, n = 3 + random.nextInt(2); s < n; s++) {
                w.append(consonants.charAt(random.nextInt(consonants.length())))
                        .append(vowels.charAt(random.nextInt(vowels.length())));
            }
            if (seen.add(w.toString())) {
                words[i++] = w.toString();
            }
        }
        return words;
    }

    static double[] zipf(int n, double skew) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1 / Math.pow(i + 1, skew);
        }
        return weights;
    }

    /** Cumulative shares normalised to 1, for {@link #pick}. */
    static double[] cdf(double[] weights) {
        double total = Arrays.stream(weights).sum();
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum / total;
        }
        cdf[cdf.length - 1] = 1.0;
        return cdf;
    }

    static int pick(double[] cdf, Random random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return i >= 0 ? i : -i - 1;
    }

    static String hex(long value) {
        String h = Long.toHexString(value);
        return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
    }
}
