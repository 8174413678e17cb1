package io.logcentral.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code send}: seed 001's automatic client ({@code --mode single|batch}, {@code --batch-size 5}, {@code --interval 2},
 * {@code --count 0} = until stopped) posting seed 000's simulated logs to {@code POST /logs}.
 */
final class SendCommand {

    static final Set<String> OPTIONS = Set.of("mode", "batch-size", "interval", "count", "url", "token", "service");
    static final String USAGE = """
            java -jar logcentral.jar send [--mode single|batch] [--batch-size 5] [--interval 2] [--count 0]
                                          [--url http://localhost:8080] [--token TOKEN] [--service a,b,c]
              --mode        single: one log per request (default); batch: a JSON array of --batch-size logs
              --batch-size  logs per request in batch mode (default 5)
              --interval    seconds between requests (default 2; 0 = as fast as the server answers)
              --count       requests to send (default 0 = until Ctrl+C)
              --url         the server, or its POST /logs URL (default $LOGCENTRAL_URL or http://localhost:8080)
              --token       a token with the ingest scope (default $LOGCENTRAL_TOKEN)
              --service     services to simulate, comma-separated (default seed 000's servicio1,servicio2,servicio3)
            """;

    /** How long one request may wait out an overloaded or unreachable server before it counts as failed. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final PrintStream out;
    private final PrintStream err;

    SendCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Arguments args, Map<String, String> env) throws InterruptedException {
        String url = args.value("url").orElse(env.getOrDefault("LOGCENTRAL_URL", "http://localhost:8080"));
        Server server = new Server(url, args.required("token", env, "LOGCENTRAL_TOKEN"), PATIENCE);
        boolean batch =
                args.choice("mode", "single", List.of("single", "batch")).equals("batch");
        int batchSize = (int) args.wholeNumber("batch-size", 5, 1, 10_000);
        double interval = args.seconds("interval", 2.0);
        long count = args.wholeNumber("count", 0, 0, Long.MAX_VALUE);
        List<String> services = services(args.value("service", String.join(",", SimulatedLogs.SERVICES)));
        if (!args.positional().isEmpty()) {
            throw new UsageException(
                    "send takes no file or word, got '" + args.positional().get(0) + "'");
        }
        SimulatedLogs logs = new SimulatedLogs(services, RandomGenerator.getDefault());

        out.printf(
                "sending to %s: mode=%s, interval=%ss, count=%s%s%n",
                server.logsUrl(),
                batch ? "batch" : "single",
                interval,
                count == 0 ? "until stopped" : count,
                batch ? ", batch-size=" + batchSize : "");
        long accepted = 0;
        long rejected = 0;
        long failed = 0;
        for (long sent = 1; count == 0 || sent <= count; sent++) {
            Object body = batch ? batchOf(logs, batchSize) : logs.next();
            String label = batch ? "[batch x" + batchSize + "]" : "[single]";
            try {
                Server.Answer answer =
                        server.postLogs(Map.of(), "application/json", Replies.JSON.writeValueAsBytes(body), null);
                Replies.Ingested reply = Replies.read(answer.body());
                accepted += reply.accepted();
                rejected += reply.rejected();
                report(label, answer, reply);
                if (!answer.ok()) {
                    failed++;
                    if (answer.status() == 401 || answer.status() == 403) {
                        break;
                    }
                }
            } catch (IOException e) {
                failed++;
                err.println(label + " " + e.getMessage());
            }
            if (count == 0 || sent < count) {
                Thread.sleep(Math.round(interval * 1000));
            }
        }
        out.printf("done: %d logs accepted, %d rejected, %d requests failed%n", accepted, rejected, failed);
        return failed == 0 && rejected == 0 ? 0 : 1;
    }

    private void report(String label, Server.Answer answer, Replies.Ingested reply) {
        if (answer.ok()) {
            out.printf(
                    "%s HTTP %d | accepted %d, rejected %d%n",
                    label, answer.status(), reply.accepted(), reply.rejected());
        } else {
            err.printf("%s HTTP %d | %s%n", label, answer.status(), reply.error());
        }
        for (Replies.ItemError error : reply.itemErrors()) {
            err.printf("  item %d: %s%n", error.index(), error.describe());
        }
    }

    private static List<Map<String, Object>> batchOf(SimulatedLogs logs, int size) {
        List<Map<String, Object>> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(logs.next());
        }
        return batch;
    }

    private static List<String> services(String list) {
        List<String> services = Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        if (services.isEmpty()) {
            throw new UsageException("--service needs at least one service name");
        }
        return services;
    }
}
