import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * COPY against a multi-row INSERT (the driver's reWriteBatchedInserts) for the PostgreSQL store's batches: the same
 * generated rows, 1,000 a transaction, into the store's own schema (db/migration/postgresql), alternating the two ways
 * so both see the same machine. Prints logs/s per way, the median of the rounds.
 *
 * <p>java -cp postgresql.jar bench/PostgresInsertBench.java jdbc:postgresql://127.0.0.1:5432/<empty db> [rounds=5]
 */
public class PostgresInsertBench {

    static final int BATCH = 1000;
    static final int BATCHES = 30;
    static final String[] WORDS = {"request", "completed", "timeout", "user", "payment", "declined", "cache", "miss",
        "retry", "connection", "reset", "order", "created", "invoice", "sent", "slow", "query", "disk", "quota"};
    static final String COLUMNS =
            "id, ts, received_at, service, severity, message, request_id, trace_id, span_id, host, attributes, words";

    record Row(long ts, String service, int severity, String message, String requestId, String attributes,
            String words) {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (Connection c = DriverManager.getConnection(url + "?reWriteBatchedInserts=true", "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute(Files.readString(Path.of("src/main/resources/db/migration/postgresql/V1__logs.sql")));
            }
            Random random = new Random(7);
            long now = System.currentTimeMillis() * 1000;
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                StringBuilder message = new StringBuilder();
                List<String> words = new ArrayList<>();
                for (int w = 0; w < 12; w++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    message.append(w == 0 ? "" : " ").append(word);
                    words.add("'" + word + "':" + (w + 1));
                }
                rows.add(new Row(now - random.nextInt(3_600_000) * 1000L, "svc" + random.nextInt(6),
                        random.nextInt(6), message.toString(), "req-" + random.nextLong(),
                        "{\"user_id\":\"user" + random.nextInt(1000) + "\",\"status\":200}", String.join(" ", words)));
            }
            c.setAutoCommit(false);
            long id = 1;
            double[] copy = new double[rounds];
            double[] insert = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++, id += BATCH) {
                    copy(c, rows, id);
                    c.commit();
                }
                copy[r] = BATCH * BATCHES / ((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++, id += BATCH) {
                    insert(c, rows, id);
                    c.commit();
                }
                insert[r] = BATCH * BATCHES / ((System.nanoTime() - start) / 1e9);
            }
            System.out.printf("copy_logs_per_s %.0f %s%n", median(copy), Arrays.toString(round(copy)));
            System.out.printf("insert_logs_per_s %.0f %s%n", median(insert), Arrays.toString(round(insert)));
        }
    }

    static void copy(Connection c, List<Row> rows, long firstId) throws Exception {
        StringBuilder text = new StringBuilder();
        long id = firstId;
        for (Row row : rows) {
            text.append(id++).append('\t').append(row.ts()).append('\t').append(row.ts()).append('\t')
                    .append(row.service()).append('\t').append(row.severity()).append('\t').append(row.message())
                    .append('\t').append(row.requestId()).append("\t\\N\t\\N\t\\N\t").append(row.attributes())
                    .append('\t').append(row.words()).append('\n');
        }
        c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY logs (" + COLUMNS + ") FROM STDIN", new StringReader(text.toString()));
    }

    static void insert(Connection c, List<Row> rows, long firstId) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO logs (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?::tsvector)")) {
            long id = firstId;
            for (Row row : rows) {
                insert.setLong(1, id++);
                insert.setLong(2, row.ts());
                insert.setLong(3, row.ts());
                insert.setString(4, row.service());
                insert.setInt(5, row.severity());
                insert.setString(6, row.message());
                insert.setString(7, row.requestId());
                insert.setString(8, row.attributes());
                insert.setString(9, row.words());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
