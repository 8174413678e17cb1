import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StorageProperties;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SQL the server runs for each kind of bench/QueryBench.java, its EXPLAIN QUERY PLAN, and the time of the read
 * without HTTP or JSON (the gap to QueryBench's latency is what the server adds around the SQL). Nothing is copied:
 * the jar's own {@code SqliteLogReader} runs each read on the jar's own reader pool ({@code SqliteDataSources}), both
 * made by reflection, through a data source that records every statement the reader prepares and the values bound to
 * it. Each statement is then shown with its plan, as the sqlite3 shell draws it, on a connection of the same pool. A read of several statements (a
 * text search reads blocks, then matches, round after round) shows each distinct statement once, with how often it ran
 * and the values of its first run.
 *
 * <p>java -cp "$(bench/jar-classpath.sh target/logcentral.jar <dir>)" bench/ExplainQueries.java <db file>
 * (the server may be running on the store: the reader pool only reads)
 */
public class ExplainQueries {

    static final long HOUR = 3600L * 1_000_000;
    static final int PAGE = 101; // the server asks for one log more than the page, to know whether a next one exists
    static final int TIMED_RUNS = 5;

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp <jar class path> bench/ExplainQueries.java <db file>");
            System.exit(2);
        }
        Path db = Path.of(args[0]).toAbsolutePath();
        // The words GenerateLogs wrote next to the store, when there: a rare and a common word with known counts.
        String rare = "timeout";
        String common = "payment";
        Path words = db.resolveSibling("querybench-words.txt");
        if (Files.exists(words)) {
            for (String line : Files.readAllLines(words)) {
                String[] f = line.split(" ");
                if (f[0].equals("rare") && rare.equals("timeout")) {
                    rare = f[1];
                } else if (f[0].equals("common") && f[1].length() >= 4 && common.equals("payment")) {
                    common = f[1];
                }
            }
        }
        Recorder recorder = new Recorder();
        // Plans on a connection of the same pool: it has the SQL functions the server registers on its connections.
        try (AutoCloseable pool = readerPool(db.getParent());
                Connection plans = ((DataSource) pool).getConnection()) {
            LogReader reader = reader(recorder.wrap((DataSource) pool));
            new ExplainQueries(reader, recorder, plans).explainAll(rare, common);
        }
    }

    final LogReader reader;
    final Recorder recorder;
    final Connection plans;
    final RecordMaker<LogQuery> query = new RecordMaker<>(LogQuery.class);

    ExplainQueries(LogReader reader, Recorder recorder, Connection plans) throws Exception {
        this.reader = reader;
        this.recorder = recorder;
        this.plans = plans;
    }

    void explainAll(String rare, String common) throws Exception {
        long newest = scalar("SELECT MAX(ts) FROM logs");
        long count = scalar("SELECT COUNT(*) FROM logs");
        long hourEnd = newest - 12 * HOUR;
        long hourStart = hourEnd - HOUR;
        System.out.printf("SQLite %s, %d logs; the 1 h range is 12 h before the newest log; reader %s%n",
                string("SELECT sqlite_version()"), count, reader.getClass().getName());

        read("filtered page: service=payments&severity=ERROR, 1 h", () -> reader.find(page(Map.of(
                "timestampFrom", instant(hourStart), "timestampTo", instant(hourEnd),
                "services", List.of("payments"), "severities", Set.of(Severity.ERROR)))));
        read("q=" + rare + " (rare word), whole store", () -> reader.find(page(Map.of("text", rare))));
        read("q=" + common + " (common word), whole store", () -> reader.find(page(Map.of("text", common))));
        read("q=" + common + "&service=payments, whole store", () -> reader.find(page(Map.of("text", common,
                "services", List.of("payments")))));
        read("q=timeout&service=payments&severity=ERROR, 1 h", () -> reader.find(page(Map.of("text", "timeout",
                "services", List.of("payments"), "severities", Set.of(Severity.ERROR),
                "timestampFrom", instant(newest - 2 * HOUR), "timestampTo", instant(newest - HOUR)))));
        String requestId = string("SELECT request_id FROM logs WHERE id = " + Math.max(1, count / 3));
        read("request_id=<id of a log a third of the way in>, whole store",
                () -> reader.find(page(Map.of("requestId", requestId))));
        read("attr.user_id=user4242, 1 h", () -> reader.find(page(Map.of("attributes", Map.of("user_id", "user4242"),
                "timestampFrom", instant(hourStart), "timestampTo", instant(hourEnd)))));
        read("attr.user_id=user4242, whole store",
                () -> reader.find(page(Map.of("attributes", Map.of("user_id", "user4242")))));

        // Stats over 24 h: 5-minute buckets from an origin aligned to 5 minutes (LogStatsController); the range
        // starts and ends inside a minute, as since=24h does.
        Instant dayStart = instant(newest - 24 * HOUR);
        Duration width = Duration.ofMinutes(5);
        Instant origin = Instant.ofEpochSecond(Math.floorDiv(dayStart.getEpochSecond(), 300) * 300);
        LogQuery day = page(Map.of("timestampFrom", dayStart, "timestampTo", instant(newest)));
        read("stats 24 h (since=24h)", () -> reader.countByBucket(day, origin, width, false));
        read("stats 24 h by=service", () -> reader.countByBucket(day, origin, width, true));
        read("services 24 h (since=24h)", () -> reader.services(day, 100));

        long[] deep = row("SELECT ts, id FROM logs ORDER BY ts DESC, id DESC LIMIT 1 OFFSET "
                + Math.min(999_999, count / 2));
        RecordMaker<LogQuery.Position> position = new RecordMaker<>(LogQuery.Position.class);
        LogQuery.Position after = position.make(Map.of("timestamp", instant(deep[0]), "id", deep[1]));
        read("cursor page 1,000,000 deep (or half the store): limit=100&cursor=..",
                () -> reader.find(page(Map.of("after", after))));
    }

    /** A query for one page, newest first, with these filters. */
    LogQuery page(Map<String, Object> filters) throws Exception {
        Map<String, Object> values = new HashMap<>(filters);
        values.put("limit", PAGE);
        // The controller passes no attribute filter as an empty map, and the reader relies on it.
        values.putIfAbsent("attributes", Map.of());
        return query.make(values);
    }

    /** Runs a read once to record its statements, then times it; prints the statements and their plans. */
    void read(String title, Callable<List<?>> read) throws Exception {
        System.out.println();
        System.out.println("== " + title);
        recorder.start();
        List<?> results = read.call();
        List<Recorder.Prepared> statements = recorder.stop();
        double[] ms = new double[TIMED_RUNS];
        for (int i = 0; i < TIMED_RUNS; i++) {
            long start = System.nanoTime();
            read.call();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "   %d results; %d statements; median of %d runs %.1f ms (min %.1f, max %.1f)%n",
                results.size(), statements.size(), TIMED_RUNS, ms[TIMED_RUNS / 2], ms[0], ms[TIMED_RUNS - 1]);
        Map<String, List<Recorder.Prepared>> distinct = new LinkedHashMap<>();
        statements.forEach(s -> distinct.computeIfAbsent(s.sql(), k -> new ArrayList<>()).add(s));
        for (List<Recorder.Prepared> runs : distinct.values()) {
            Recorder.Prepared first = runs.get(0);
            System.out.println("   -- ran " + runs.size() + "x: " + first.sql());
            System.out.println("      values " + first.values());
            plan(first);
        }
    }

    void plan(Recorder.Prepared statement) throws SQLException {
        if (!statement.sql().trim().toUpperCase(Locale.ROOT).startsWith("SELECT")
                && !statement.sql().trim().toUpperCase(Locale.ROOT).startsWith("WITH")) {
            return;
        }
        try (PreparedStatement plan = plans.prepareStatement("EXPLAIN QUERY PLAN " + statement.sql())) {
            for (Map.Entry<Integer, Object> value : statement.values().entrySet()) {
                plan.setObject(value.getKey(), value.getValue());
            }
            Map<Integer, Integer> depth = new HashMap<>();
            depth.put(0, 0);
            try (ResultSet rs = plan.executeQuery()) {
                while (rs.next()) {
                    int d = depth.getOrDefault(rs.getInt(2), 0) + 1;
                    depth.put(rs.getInt(1), d);
                    System.out.println("      " + "  ".repeat(d - 1) + "|--" + rs.getString(4));
                }
            }
        }
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    long scalar(String sql) throws SQLException {
        return row(sql)[0];
    }

    String string(String sql) throws SQLException {
        try (Statement s = plans.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    long[] row(String sql) throws SQLException {
        try (Statement s = plans.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row for " + sql);
            }
            long[] values = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        }
    }

    /** The jar's reader pool ({@code SqliteDataSources.logReaderPool}) with the server's default settings. */
    static AutoCloseable readerPool(Path dataDir) throws Exception {
        Class<?> pools = Class.forName("io.logcentral.storage.sqlite.SqliteDataSources");
        Constructor<?> makePools = pools.getDeclaredConstructor();
        makePools.setAccessible(true);
        Method readerPool = pools.getDeclaredMethod("logReaderPool", StorageProperties.class);
        readerPool.setAccessible(true);
        StorageProperties settings = new RecordMaker<>(StorageProperties.class).make(Map.of("dataDir", dataDir));
        return (AutoCloseable) readerPool.invoke(makePools.newInstance(), settings);
    }

    /** The jar's {@code SqliteLogReader} on {@code readers}: its constructor is package-private. */
    static LogReader reader(DataSource readers) throws Exception {
        Constructor<?> constructor =
                Class.forName("io.logcentral.storage.sqlite.SqliteLogReader").getDeclaredConstructors()[0];
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> parameter = constructor.getParameterTypes()[i];
            if (parameter.isInstance(readers)) {
                args[i] = readers;
            } else if (parameter.getName().equals("io.logcentral.storage.sqlite.UnwrittenFilters")) {
                // Builds that hold the newest blocks' filters in memory: a store at rest has them all in the table.
                Constructor<?> unwritten = parameter.getDeclaredConstructor();
                unwritten.setAccessible(true);
                args[i] = unwritten.newInstance();
            } else {
                throw new IllegalStateException("this build's SqliteLogReader takes "
                        + List.of(constructor.getParameterTypes()) + ": teach bench/ExplainQueries.java to make it");
            }
        }
        constructor.setAccessible(true);
        return (LogReader) constructor.newInstance(args);
    }

    /** Records the statements prepared on its connections and the values set on them, while started. */
    static final class Recorder {
        record Prepared(String sql, Map<Integer, Object> values) {}

        private List<Prepared> prepared;

        void start() {
            prepared = new ArrayList<>();
        }

        List<Prepared> stop() {
            List<Prepared> all = prepared;
            prepared = null;
            return all;
        }

        DataSource wrap(DataSource real) {
            return proxy(DataSource.class, real, (method, args, result) ->
                    method.getName().equals("getConnection") ? connection((Connection) result) : result);
        }

        private Connection connection(Connection real) {
            return proxy(Connection.class, real, (method, args, result) -> {
                if (method.getName().equals("prepareStatement") && prepared != null) {
                    Prepared p = new Prepared((String) args[0], new LinkedHashMap<>());
                    prepared.add(p);
                    return statement((PreparedStatement) result, p);
                }
                return result;
            });
        }

        private static PreparedStatement statement(PreparedStatement real, Prepared p) {
            return proxy(PreparedStatement.class, real, (method, args, result) -> {
                if (method.getName().startsWith("set") && args != null && args.length >= 2
                        && args[0] instanceof Integer index) {
                    p.values().put(index, method.getName().equals("setNull") ? null : args[1]);
                }
                return result;
            });
        }

        interface After {
            Object apply(Method method, Object[] args, Object result) throws Exception;
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, T real, After after) {
            InvocationHandler handler = (self, method, args) -> {
                try {
                    return after.apply(method, args, method.invoke(real, args));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        }
    }

    /**
     * Makes records by component name, so a field added to a record of the jar gets its default (Spring's
     * {@code @DefaultValue}, or null, 0, false) instead of breaking the program; a name the record lacks fails.
     * The same as in bench/GenerateLogs.java (single-file programs share no code).
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
