import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The baseline of the ingest benchmarks (PRODUCT.md: batch ingest >= 0.7 x raw insert): the same generated logs
 * inserted with plain JDBC batches into the bare {@code logs} table of the same schema (the project's own migrations)
 * with the time, service and severity indexes PRODUCT.md names and no other, with the same pragmas as the server, no
 * HTTP, 1,000 logs a transaction, nothing else kept. What the server's writer keeps besides (filters, blocks, counts)
 * is measured by running the writer itself (bench/GenerateLogs.java), not by copies of its statements here.
 * Also writes the request bodies the HTTP runs post, so both sides store the same rows.
 *
 * <p>With {@code -Dfrom=<logcentral.db>} it inserts that store's rows instead (the first {@code <logs>} by id, every
 * column as stored): the baseline of a load of those same rows through the server.
 *
 * <p>java -cp sqlite-jdbc.jar [-Dmigrations=<dir>] [-Dfrom=<db>] bench/RawJdbcCeiling.java <work dir> <logs>
 * [full|normal]
 * <br>-Dmigrations: the folder of the V*.sql files (default src/main/resources/db/migration/sqlite; a jar's own are
 * under BOOT-INF/classes/db/migration/sqlite of bench/jar-classpath.sh's folder).
 */
public class RawJdbcCeiling {

    static final String[] SERVICES = {"payments", "auth", "search", "checkout", "reports", "mailer"};
    static final String[] SEVERITIES = {"DEBUG", "INFO", "INFO", "INFO", "INFO", "INFO", "WARNING", "WARNING", "ERROR",
        "CRITICAL"};
    static final String[] WORDS = {"request", "completed", "timeout", "user", "payment", "declined", "cache", "miss",
        "retry", "connection", "reset", "order", "created", "invoice", "sent", "slow", "query", "disk", "quota"};

    record Log(String json, String service, int severity, String message, String requestId,
            String attributes) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int total = Integer.parseInt(args[1]);
        String sync = args.length > 2 ? args[2] : "normal";
        List<Log> batch = generate(1000, new Random(42));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("batch.json"), "[" + String.join(",", batch.stream().map(Log::json).toList()) + "]");
        Files.writeString(dir.resolve("single.json"), batch.get(0).json());

        Path db = dir.resolve("raw.db");
        Files.deleteIfExists(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=" + sync);
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("PRAGMA cache_size=-16000");
                for (Path migration : migrations()) {
                    // executeUpdate runs every statement of the script, triggers' bodies included.
                    s.executeUpdate(Files.readString(migration));
                }
                // The server's other indexes on its logs (the partial one of a service's warnings and errors) are
                // its own cost, not the baseline's.
                List<String> others = new ArrayList<>();
                try (ResultSet index = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index'"
                        + " AND tbl_name = 'logs' AND sql IS NOT NULL"
                        + " AND name NOT IN ('ix_logs_ts', 'ix_logs_service_ts', 'ix_logs_severity_ts')")) {
                    while (index.next()) {
                        others.add(index.getString(1));
                    }
                }
                for (String index : others) {
                    s.execute("DROP INDEX " + index);
                }
            }
            c.setAutoCommit(false);
            long id = 1;
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO logs (id, ts, received_at, service,"
                    + " severity, message, request_id, trace_id, span_id, host, attributes)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                if (System.getProperty("from") != null) {
                    start = copy(Path.of(System.getProperty("from")), total, c, insert);
                }
                for (int done = 0; System.getProperty("from") == null && done < total; done += batch.size()) {
                    long now = Instant.now().toEpochMilli() * 1000;
                    for (Log log : batch) {
                        insert.setLong(1, id++);
                        insert.setLong(2, now);
                        insert.setLong(3, now);
                        insert.setString(4, log.service());
                        insert.setInt(5, log.severity());
                        insert.setString(6, log.message());
                        insert.setString(7, log.requestId());
                        insert.setString(8, null);
                        insert.setString(9, null);
                        insert.setString(10, null);
                        insert.setString(11, log.attributes());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("raw_jdbc_logs_per_s %.0f%n", total / seconds);
        }
    }

    /**
     * The same rows as a store holds, the first {@code total} by id, every column as stored: the baseline of a load of
     * that store's logs through the server (bench/tenmillion.sh posts them). They are read on another thread, 1,000
     * a transaction as above; returns when the timed part began.
     */
    static long copy(Path from, int total, Connection c, PreparedStatement insert) throws Exception {
        BlockingQueue<List<Object[]>> batches = new ArrayBlockingQueue<>(8);
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + from);
                    PreparedStatement select = source.prepareStatement("SELECT id, ts, received_at, service, severity,"
                            + " message, request_id, trace_id, span_id, host, attributes FROM logs ORDER BY id LIMIT ?")) {
                select.setInt(1, total);
                try (ResultSet rows = select.executeQuery()) {
                    List<Object[]> batch = new ArrayList<>(1000);
                    while (rows.next()) {
                        Object[] row = new Object[11];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rows.getObject(i + 1);
                        }
                        batch.add(row);
                        if (batch.size() == 1000) {
                            batches.put(batch);
                            batch = new ArrayList<>(1000);
                        }
                    }
                    if (!batch.isEmpty()) {
                        batches.put(batch);
                    }
                }
            } catch (Exception e) {
                failed.set(e);
            } finally {
                try {
                    batches.put(List.of());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();
        // The first batch read, so opening the source is not timed.
        List<Object[]> batch = batches.take();
        long start = System.nanoTime();
        long copied = 0;
        while (!batch.isEmpty()) {
            for (Object[] row : batch) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
            copied += batch.size();
            batch = batches.take();
        }
        if (failed.get() != null || copied != total) {
            throw new IllegalStateException("copied " + copied + " of " + total + " rows from " + from, failed.get());
        }
        return start;
    }

    static List<Path> migrations() throws Exception {
        try (Stream<Path> files = Files.list(
                Path.of(System.getProperty("migrations", "src/main/resources/db/migration/sqlite")))) {
            return files.sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
    }

    static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    static List<Log> generate(int count, Random random) {
        List<Log> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String service = SERVICES[random.nextInt(SERVICES.length)];
            String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
            StringBuilder message = new StringBuilder();
            for (int w = 0, n = 6 + random.nextInt(10); w < n; w++) {
                message.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            String requestId = "req-" + Long.toHexString(random.nextLong());
            String attributes = "{\"user_id\":\"user" + random.nextInt(1000) + "\",\"duration_ms\":" + random.nextInt(5000)
                    + ",\"region\":\"eu-" + random.nextInt(4) + "\"}";
            // No timestamp: the server takes the time of receipt, so rows arrive in time order as real logs do.
            String json = "{\"service\":\"" + service + "\",\"severity\":\"" + severity + "\",\"message\":\"" + message
                    + "\",\"request_id\":\"" + requestId + "\",\"attributes\":" + attributes + "}";
            logs.add(new Log(json, service, ordinal(severity), message.toString(), requestId, attributes));
        }
        return logs;
    }

    static int ordinal(String severity) {
        return List.of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL").indexOf(severity);
    }
}
