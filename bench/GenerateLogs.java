import io.logcentral.storage.LogWriter;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StorageProperties;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fills a logcentral store with realistic logs for the query benchmarks (bench/query.sh, bench/tenmillion.sh),
 * straight into the schema that the server's Flyway migrations created, through the server's own writer: the
 * {@code SqliteLogWriter} and writer pool of the jar on the class path, made by reflection (both are package-private),
 * whose {@code insert} is called with batches of 5,000 logs. So the store gets exactly the rows, filters, blocks and
 * counts that the measured build writes, without HTTP, and no statement is copied here to go stale. The logs are
 * made up on another thread, so the rate printed is the writer's.
 *
 * <p>Shape: timestamps spread evenly over the 7 days ending now, rising with the id, 1 % of them late (up to 1 h
 * older than their neighbours); skewed services and severities; messages from ~40 templates, each with one extra word
 * drawn from a Zipf-distributed vocabulary of 50,000 synthetic words, so some words are in a handful of logs only.
 *
 * <p>Also writes {@code <data dir>/querybench-words.txt}: the data's time range, services, and words whose exact
 * document counts are known (rare: under 100 logs; common: over 5 %), which bench/QueryBench.java picks from.
 *
 * <p>java -Xmx512m -cp "$(bench/jar-classpath.sh target/logcentral.jar <dir>)" bench/GenerateLogs.java <data dir>
 * <count>
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
        long[] tsRange = {Long.MAX_VALUE, Long.MIN_VALUE};

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM logs")) {
            if (rs.next() && rs.getLong(1) != 0) {
                throw new IllegalStateException(db + " already holds logs: generate into a fresh store");
            }
        }
        ServerWriter server = ServerWriter.open(dir);
        System.out.println("writing through " + server.describe());
        RecordMaker<NewLog> newLog = new RecordMaker<>(NewLog.class);
        Severity[] severities = Severity.values();
        StringBuilder message = new StringBuilder(160);
        StringBuilder attributes = new StringBuilder(160);
        // Logs are made up on a thread of their own, as the server's request threads hand batches to its writer: the
        // rate is the writer's, not this program's (making them up took 15 % of one thread's time).
        BlockingQueue<List<NewLog>> batches = new ArrayBlockingQueue<>(4);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread generator = new Thread(() -> {
            try {
                long id = 1;
                while (id <= count) {
                    long last = Math.min(count, id + BATCH - 1);
                    List<NewLog> batch = new ArrayList<>(BATCH);
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
                        tsRange[0] = Math.min(tsRange[0], ts);
                        tsRange[1] = Math.max(tsRange[1], ts);
                        batch.add(newLog.make(Map.of(
                                "timestamp", instant(ts),
                                "receivedAt", instant(receivedAt),
                                "service", SERVICES[service],
                                "severity", severities[severity],
                                "message", message.toString(),
                                "requestId", hex(random.nextLong()),
                                "traceId", hex(random.nextLong()) + hex(random.nextLong()),
                                "spanId", hex(random.nextLong()),
                                "host", HOSTS[random.nextInt(HOSTS.length)],
                                "attributesJson", attributes.toString())));
                    }
                    batches.put(batch);
                }
            } catch (Throwable e) {
                failed.set(e);
            } finally {
                try {
                    batches.put(List.of());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "generator");
        generator.setDaemon(true);
        long began = System.nanoTime();
        long lastReport = began;
        long lastReportId = 0;
        generator.start();
        try (server) {
            long last = 0;
            List<NewLog> batch;
            while (!(batch = batches.take()).isEmpty()) {
                long first = server.writer().insert(batch, List.of());
                if (first != last + 1) {
                    throw new IllegalStateException("the writer gave ids from " + first + ", expected " + (last + 1)
                            + ": the store was not empty");
                }
                last += batch.size();
                long now = System.nanoTime();
                if (now - lastReport > 10_000_000_000L || last == count) {
                    System.out.printf(Locale.ROOT, "generated %,d of %,d: %,.0f rows/s (last %.0f s), %,.0f rows/s"
                                    + " overall%n", last, count, (last - lastReportId) / ((now - lastReport) / 1e9),
                            (now - lastReport) / 1e9, last / ((now - began) / 1e9));
                    lastReport = now;
                    lastReportId = last;
                }
            }
        }
        generator.join();
        if (failed.get() != null) {
            throw new IllegalStateException("making up the logs failed", failed.get());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long stored;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM logs")) {
            rs.next();
            stored = rs.getLong(1);
        }
        System.out.printf(Locale.ROOT, "generation_rows_per_s %.0f%n", count / seconds);
        System.out.printf(Locale.ROOT, "generation_seconds %.1f%n", seconds);
        System.out.printf(Locale.ROOT, "logs_stored %d%n", stored);
        writeWords(dir.resolve("querybench-words.txt"), count, tsRange[0], tsRange[1], vocabulary, wordCounts, templates,
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

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /**
     * The jar's own {@code SqliteLogWriter} on the jar's own writer pool ({@code SqliteDataSources}), both made by
     * reflection as the server's context makes them, with the server's default settings for a store in {@code dir}.
     */
    record ServerWriter(LogWriter writer, AutoCloseable pool) implements AutoCloseable {

        static ServerWriter open(Path dir) throws Exception {
            Class<?> pools = Class.forName("io.logcentral.storage.sqlite.SqliteDataSources");
            Constructor<?> makePools = pools.getDeclaredConstructor();
            makePools.setAccessible(true);
            Method writerPool = pools.getDeclaredMethod("logWriterPool", StorageProperties.class);
            writerPool.setAccessible(true);
            StorageProperties settings =
                    new RecordMaker<>(StorageProperties.class).make(Map.of("dataDir", dir.toAbsolutePath()));
            Object pool = writerPool.invoke(makePools.newInstance(), settings);
            return new ServerWriter((LogWriter) make("SqliteLogWriter", pool), (AutoCloseable) pool);
        }

        /**
         * A storage class of the jar on {@code pool}, and on a new {@code UnwrittenFilters} in builds that have them
         * (the filters of sealed blocks the writer holds until it writes several blocks' at once).
         */
        static Object make(String type, Object pool) throws Exception {
            Constructor<?> constructor =
                    Class.forName("io.logcentral.storage.sqlite." + type).getDeclaredConstructors()[0];
            Object[] args = new Object[constructor.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> parameter = constructor.getParameterTypes()[i];
                if (parameter.isInstance(pool)) {
                    args[i] = pool;
                } else if (parameter.getName().equals("io.logcentral.storage.sqlite.UnwrittenFilters")) {
                    Constructor<?> unwritten = parameter.getDeclaredConstructor();
                    unwritten.setAccessible(true);
                    args[i] = unwritten.newInstance();
                } else {
                    throw new IllegalStateException("this build's " + type + " takes "
                            + List.of(constructor.getParameterTypes()) + ": teach bench/GenerateLogs.java to make it");
                }
            }
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        }

        String describe() {
            return writer.getClass().getName() + ".insert on " + pool.getClass().getSimpleName()
                    + " from SqliteDataSources.logWriterPool, " + BATCH + " logs a call";
        }

        @Override
        public void close() throws Exception {
            // What the server does when it stops: builds that hold filters in memory write them then.
            for (Method method : writer.getClass().getDeclaredMethods()) {
                if (method.getName().equals("stop") && method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    method.invoke(writer);
                }
            }
            pool.close();
        }
    }

    /**
     * Makes records by component name, so a field added to a record of the jar gets its default (Spring's
     * {@code @DefaultValue}, or null, 0, false) instead of breaking the program; a name the record lacks fails.
     */
    static final class RecordMaker<R> {
        final Constructor<R> constructor;
        final RecordComponent[] components;

        RecordMaker(Class<R> type) throws Exception {
            components = type.getRecordComponents();
            constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
        }

        R make(Map<String, ?> values) throws Exception {
            Object[] args = new Object[components.length];
            int used = 0;
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                if (values.containsKey(name)) {
                    args[i] = values.get(name);
                    used++;
                } else {
                    args[i] = fallback(components[i].getType(),
                            constructor.getParameters()[i].getAnnotation(DefaultValue.class));
                }
            }
            if (used != values.size()) {
                throw new IllegalStateException("some of " + values.keySet() + " are not components of "
                        + Arrays.toString(components));
            }
            return constructor.newInstance(args);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static Object fallback(Class<?> type, DefaultValue annotation) throws Exception {
            String text = annotation == null || annotation.value().length == 0 ? null : annotation.value()[0];
            if (type.isRecord()) {
                return annotation == null ? null : new RecordMaker<>(type).make(Map.of());
            } else if (type == int.class || type == long.class) {
                long value = text == null ? 0 : Long.parseLong(text);
                return type == int.class ? (Object) (int) value : (Object) value;
            } else if (type == boolean.class) {
                return Boolean.parseBoolean(text);
            } else if (text == null) {
                return null;
            } else if (type.isEnum()) {
                return Enum.valueOf((Class) type, text.toUpperCase(Locale.ROOT));
            } else if (type == Path.class) {
                return Path.of(text);
            }
            return type == String.class ? text : null;
        }
    }
}
