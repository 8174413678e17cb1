import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies the logs of a store made by bench/GenerateLogs.java into a running server through POST /logs, 1,000 logs a
 * request on several connections, in id order: so the PostgreSQL store of bench/postgres.sh holds the same logs as the
 * SQLite one, and the copy measures batch ingest of realistic logs on the way. Prints "logs_per_s N".
 *
 * <p>java -cp sqlite-jdbc.jar bench/LoadOverHttp.java <sqlite file> <base url>[,<base url>..] <token> [connections=4]
 *
 * <p>With several base URLs (replicas on one database), connection i sends to URL i modulo their number.
 */
public class LoadOverHttp {

    static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    static final String[] SEVERITIES = {"TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};
    static final String END = "";

    public static void main(String[] args) throws Exception {
        String file = args[0];
        String[] bases = args[1].split(",");
        String token = args[2];
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BlockingQueue<String> bodies = new ArrayBlockingQueue<>(connections * 2);
        AtomicLong failures = new AtomicLong();
        Thread[] senders = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            String base = bases[i % bases.length];
            senders[i] = new Thread(() -> {
                try {
                    for (String body = bodies.take(); !body.equals(END); body = bodies.take()) {
                        send(http, base, token, body, failures);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            senders[i].start();
        }
        long start = System.nanoTime();
        long count = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ts, service, severity, message, request_id, trace_id, span_id,"
                        + " host, attributes FROM logs ORDER BY id")) {
            StringBuilder batch = new StringBuilder("[");
            int inBatch = 0;
            while (rs.next()) {
                if (inBatch > 0) {
                    batch.append(',');
                }
                batch.append("{\"timestamp\":\"")
                        .append(ISO.format(Instant.EPOCH.plus(rs.getLong(1), ChronoUnit.MICROS)))
                        .append("\",\"service\":").append(quote(rs.getString(2)))
                        .append(",\"severity\":\"").append(SEVERITIES[rs.getInt(3)])
                        .append("\",\"message\":").append(quote(rs.getString(4)));
                field(batch, "request_id", rs.getString(5));
                field(batch, "trace_id", rs.getString(6));
                field(batch, "span_id", rs.getString(7));
                field(batch, "host", rs.getString(8));
                batch.append(",\"attributes\":").append(rs.getString(9)).append('}');
                count++;
                if (++inBatch == 1000) {
                    bodies.put(batch.append(']').toString());
                    batch = new StringBuilder("[");
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                bodies.put(batch.append(']').toString());
            }
        }
        for (int i = 0; i < connections; i++) {
            bodies.put(END);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("logs_copied %d%nfailed_requests %d%nlogs_per_s %.0f%n", count, failures.get(), count / seconds);
    }

    static void send(HttpClient http, String base, String token, String body, AtomicLong failures) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                HttpResponse<String> reply = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/logs"))
                                .header("Authorization", "Token " + token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 201) {
                    return;
                }
                Thread.sleep(200);
            } catch (Exception e) {
                // a refused or dropped request is tried again
            }
        }
        failures.incrementAndGet();
    }

    static void field(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append(",\"").append(name).append("\":").append(quote(value));
        }
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
