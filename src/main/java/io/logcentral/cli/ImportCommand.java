package io.logcentral.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** {@code import FILE...}: existing log files, line by line, to {@code POST /logs} as text lines. */
final class ImportCommand {

    static final Set<String> OPTIONS =
            Set.of("url", "token", "format", "service", "batch-lines", "batch-bytes", "parallel", "state", "progress");
    static final Set<String> FLAGS = Set.of("restart");
    static final List<String> FORMATS = List.of("auto", "syslog", "logfmt", "access", "json", "plain");
    static final String USAGE = """
            java -jar logcentral.jar import [options] FILE...
              --url          the server (default $LOGCENTRAL_URL or http://localhost:8080)
              --token        a token with the ingest scope (default $LOGCENTRAL_TOKEN)
              --format       auto (each line detected by the server, default), syslog, logfmt, access, json or plain
              --service      the service of lines that name none (default: the token's bound service)
              --batch-lines  lines per request (default 1000)
              --batch-bytes  bytes per request, about (default 1048576)
              --parallel     requests in flight at once (default 4)
              --state        the file that remembers how far each import got (default .logcentral-import.json)
              --restart      forget how far these files got and send them from the start (what the server
                             stored from them in the last 24 h is still answered from its idempotency keys)
              --progress     auto (a bar on a terminal, else a line every 5 s), bar, lines or none
            gzip files are read as they are. Stopped or crashed? Run the same command again: it goes on where the
            server last acknowledged, and a batch sent twice is stored once.
            """;

    /** How long one batch may wait out an overloaded or unreachable server before the import stops. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final PrintStream out;
    private final PrintStream err;

    ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Arguments args, Map<String, String> env) throws InterruptedException, IOException {
        String url = args.value("url").orElse(env.getOrDefault("LOGCENTRAL_URL", "http://localhost:8080"));
        Server server = new Server(url, args.required("token", env, "LOGCENTRAL_TOKEN"), PATIENCE);
        String format = args.choice("format", "auto", FORMATS);
        String service = args.value("service", "").strip();
        int maxLines = (int) args.wholeNumber("batch-lines", 1000, 1, 10_000);
        int maxBytes = (int) args.wholeNumber("batch-bytes", 1 << 20, 1024, 8 << 20);
        int parallel = (int) args.wholeNumber("parallel", 4, 1, 64);
        Progress.Style style = Progress.style(args.choice("progress", "auto", Progress.STYLES));
        List<Path> files = files(args.positional());
        ImportState state = ImportState.load(Path.of(args.value("state", ".logcentral-import.json")));

        Map<String, String> query = new LinkedHashMap<>();
        if (!format.equals("auto")) {
            query.put("format", format);
        }
        if (!service.isEmpty()) {
            query.put("service", service);
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        FileImport.Totals totals = new FileImport.Totals();
        String stopped = null;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (Progress progress = new Progress(err, style, total)) {
            for (Path file : files) {
                FileImport importer = new FileImport(server, state, progress, pool, parallel, query, totals, err);
                ImportState.Entry start = start(state, server, file, service, format, args.flag("restart"));
                stopped = importer.run(file, start, maxLines, maxBytes);
                if (stopped != null) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return summary(totals, server, stopped);
    }

    private int summary(FileImport.Totals totals, Server server, String stopped) {
        if (stopped != null) {
            err.println("import stopped: " + stopped);
            err.println("run the same command again to go on from the last acknowledged batch");
        }
        out.printf(
                Locale.ROOT,
                "%s: %,d lines stored, %,d refused, %,d already stored by an earlier run; %d retries%n",
                stopped == null ? "done" : "stopped",
                totals.stored.get(),
                totals.rejected.get(),
                totals.replayed.get(),
                server.retries());
        return stopped == null && totals.rejected.get() == 0 ? 0 : 1;
    }

    /** Where {@code file} starts: its saved progress when it is still the same file, else its first byte. */
    private ImportState.Entry start(
            ImportState state, Server server, Path file, String service, String format, boolean restart)
            throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        int prefixBytes = (int) Math.min(FileIdentity.PREFIX_BYTES, Files.size(file));
        ImportState.Entry fresh = new ImportState.Entry(
                server.logsUrl(),
                absolute.toString(),
                service,
                format,
                prefixBytes,
                FileIdentity.prefixSha256(file, prefixBytes),
                0,
                0);
        Optional<ImportState.Entry> saved = state.find(fresh);
        if (saved.isEmpty() || restart) {
            return fresh;
        }
        ImportState.Entry before = saved.get();
        if (!before.prefixSha256().equals(FileIdentity.prefixSha256(file, before.prefixBytes()))) {
            err.printf(
                    "%s changed since the last import (its first bytes differ): importing it from the start%n", file);
            return fresh;
        }
        if (before.offset() > 0) {
            err.printf("%s: going on from line %d%n", file, before.line() + 1);
        }
        return before;
    }

    private static List<Path> files(List<String> names) {
        if (names.isEmpty()) {
            throw new UsageException("import needs at least one FILE");
        }
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UsageException("no readable file '" + name + "'");
            }
            files.add(file);
        }
        return files;
    }
}
