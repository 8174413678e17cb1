import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert benchmark of issue 10, over real HTTP against a running server, all phases in one run of one server:
 * batch ingest throughput (logs/s) with no rule, 10 rules, 100 rules, and 100 rules with a dead webhook (a socket
 * that accepts and never answers) as a second channel of the probes (4 a second) and of a rule on every ERROR; in each phase with rules, CRITICAL probes posted during
 * the load (after its first 3 s, when the rules just created have fired their first notifications) and the time from
 * their 201 to the live webhook's receipt (p50/p99); and the logs the rules could not keep up with (unchecked).
 *
 * <p>java bench/AlertBench.java <base url> <admin token> <seconds per phase> <runs>
 */
public class AlertBench {

    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final String[] SEVERITIES = {"DEBUG", "INFO", "INFO", "INFO", "INFO", "INFO", "INFO", "WARNING", "ERROR"};
    static final String[] MESSAGES = {
        "GET /api/orders 200 in 12 ms", "timeout talking to db after 5000 ms", "connection reset by peer",
        "disk usage at 81%", "user 4711 logged in", "cache miss for key product:991", "payment card declined"
    };
    static final int SERVICES = 20;
    static final int CLIENTS = 4;
    static final int BATCH = 200;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String token;
    final int seconds;
    final Map<String, Long> arrived = new ConcurrentHashMap<>();

    AlertBench(String base, String token, int seconds) {
        this.base = base;
        this.token = token;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        AlertBench bench = new AlertBench(args[0], args[1], Integer.parseInt(args[2]));
        int runs = Integer.parseInt(args[3]);
        HttpServer live = bench.receiver();
        try (ServerSocket dead = new ServerSocket(0)) {
            bench.holdOpen(dead);
            bench.run(runs, live.getAddress().getPort(), dead.getLocalPort());
        } finally {
            live.stop(0);
        }
    }

    void run(int runs, int livePort, int deadPort) throws Exception {
        String every = firstId(send("GET", "/admin/alerts", null));
        send("PUT", "/admin/alerts/" + every, "{\"name\":\"every-critical\",\"min_severity\":\"CRITICAL\",\"enabled\":false}");
        send("POST", "/admin/channels", "{\"name\":\"live\",\"type\":\"webhook\",\"url\":\"http://127.0.0.1:" + livePort + "/\"}");
        load(seconds, false); // warm-up
        List<String> phases = List.of("no rules", "10 rules", "100 rules", "100 rules + dead webhook");
        List<List<Double>> rates = new ArrayList<>();
        List<List<Long>> latencies = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            rates.add(new ArrayList<>());
            latencies.add(new ArrayList<>());
        }
        List<Long> droppedLogs = new ArrayList<>(Collections.nCopies(phases.size(), 0L));
        List<String> created = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            created.forEach(id -> send("DELETE", "/admin/alerts/" + id, null));
            created.clear();
            send("DELETE", "/admin/channels/dead", null);
            for (int phase = 0; phase < phases.size(); phase++) {
                if (phase == 1) {
                    created.add(firstId(send("POST", "/admin/alerts", probeRule("\"live\""))));
                    addRules(created, 1, 10);
                } else if (phase == 2) {
                    addRules(created, 10, 100);
                } else if (phase == 3) {
                    send("POST", "/admin/channels", "{\"name\":\"dead\",\"type\":\"webhook\",\"url\":\"http://127.0.0.1:" + deadPort + "/\"}");
                    send("PUT", "/admin/alerts/" + created.get(0), probeRule("\"live\",\"dead\""));
                    created.add(firstId(send("POST", "/admin/alerts", "{\"name\":\"to-dead\",\"min_severity\":\"ERROR\","
                            + "\"channels\":[\"dead\"]}")));
                }
                long droppedBefore = dropped();
                Result result = load(seconds, phase > 0);
                droppedLogs.set(phase, droppedLogs.get(phase) + dropped() - droppedBefore);
                rates.get(phase).add(result.logsPerSecond);
                latencies.get(phase).addAll(result.latenciesMs);
            }
        }
        System.out.printf("%-28s %14s %8s %14s %7s %9s   %s%n", "phase", "logs/s median", "vs none", "201->hook p50", "p99 ms", "unchecked", "runs");
        double none = median(rates.get(0));
        for (int p = 0; p < phases.size(); p++) {
            List<Long> l = latencies.get(p);
            Collections.sort(l);
            System.out.printf("%-28s %14.0f %8.2f %14s %7s %9d   %s%n", phases.get(p), median(rates.get(p)), median(rates.get(p)) / none,
                    l.isEmpty() ? "-" : l.get(l.size() / 2), l.isEmpty() ? "-" : l.get((int) Math.min(l.size() - 1, Math.ceil(l.size() * 0.99) - 1)),
                    droppedLogs.get(p), rates.get(p).stream().map(r -> String.format("%.0f", r)).toList());
        }
        System.out.println("metrics: " + send("GET", "/metrics", null).replaceAll(".*?(\"notifications_sent\".*?\"alerts_lag_ms_max\":[0-9.E]+).*", "$1"));
    }

    static String probeRule(String channels) {
        return "{\"name\":\"probe\",\"services\":[\"probe\"],\"min_severity\":\"CRITICAL\",\"channels\":["
                + channels + "],\"cooldown\":{\"CRITICAL\":\"0s\"}}";
    }

    long dropped() {
        Matcher m = Pattern.compile("\"alerts_dropped_logs\":(\\d+)").matcher(send("GET", "/metrics", null));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    void addRules(List<String> created, int from, int to) {
        String[] mins = {"INFO", "WARNING", "ERROR"};
        String[] qs = {"timeout", "\\\"connection reset\\\"", "disk*", "card -test"};
        for (int k = from; k < to; k++) {
            created.add(firstId(send("POST", "/admin/alerts", "{\"name\":\"r" + k + "\",\"services\":[\"svc-" + (k % SERVICES)
                    + "\"],\"min_severity\":\"" + mins[k % 3] + "\",\"q\":\"" + qs[k % 4] + "\",\"channels\":[\"live\"]}")));
        }
    }

    record Result(double logsPerSecond, List<Long> latenciesMs) {}

    Result load(int seconds, boolean probe) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong logs = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(c);
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    if (post(batch(random)).startsWith("201")) {
                        logs.addAndGet(BATCH);
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        List<Long> latencies = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        int n = 0;
        // Rules just created fire once per service and severity, all into the same channel: probes start after that.
        long probesFrom = start + Duration.ofSeconds(Math.min(3, seconds / 3)).toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(250);
            if (probe && System.nanoTime() > probesFrom) {
                String key = "probe-" + System.nanoTime() + "-" + n++;
                post("{\"service\":\"probe\",\"severity\":\"CRITICAL\",\"message\":\"" + key + "\"}");
                long answered = System.nanoTime();
                long deadline = answered + Duration.ofSeconds(10).toNanos();
                while (!arrived.containsKey(key) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Long at = arrived.get(key);
                latencies.add(at == null ? 10_000 : Math.max(0, (at - answered) / 1_000_000));
            }
        }
        long counted = logs.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread client : clients) {
            client.join(30_000);
        }
        return new Result(counted / elapsed, latencies);
    }

    String batch(Random random) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"service\":\"svc-").append(random.nextInt(SERVICES))
                    .append("\",\"severity\":\"").append(SEVERITIES[random.nextInt(SEVERITIES.length)])
                    .append("\",\"message\":\"").append(MESSAGES[random.nextInt(MESSAGES.length)])
                    .append("\",\"region\":\"").append(random.nextBoolean() ? "eu" : "us").append("\"}");
        }
        return body.append(']').toString();
    }

    String post(String json) {
        return send("POST", "/logs", json);
    }

    /** "status body"; never throws, so a client thread keeps going. */
    String send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Token " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "000 " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "000 interrupted";
        }
    }

    static String firstId(String reply) {
        Matcher m = ID.matcher(reply);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + reply);
        }
        return m.group(1);
    }

    HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Pattern message = Pattern.compile("\"message\":\"(probe-[0-9-]+)\"");
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = message.matcher(body);
            if (m.find()) {
                arrived.put(m.group(1), now);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    void holdOpen(ServerSocket dead) {
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(dead.accept());
                }
            } catch (IOException closed) {
                // the run is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
