package io.logcentral.cli;

import ch.qos.logback.classic.Level;
import io.logcentral.cli.MigrateTables.Rows;
import io.logcentral.cli.MigrateTables.Summary;
import io.logcentral.cli.MigrateTables.Table;
import io.logcentral.storage.StoredLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.LoggerFactory;

/** {@code migrate --from STORE --to URL}: a SQLite store into PostgreSQL, resumable, verified at the end. */
final class MigrateCommand {

    static final Set<String> OPTIONS = Set.of("from", "to", "user", "password", "batch", "spot-checks", "progress");
    static final String USAGE = """
            java -jar logcentral.jar migrate --from STORE --to JDBC-URL [options]
              --from         the SQLite store: its file or its data directory (data/logcentral.db)
              --to           the PostgreSQL database, jdbc:postgresql://host:5432/database: empty, or a copy of this
                             store that an earlier run began
              --user         its user (default $SPRING_DATASOURCE_USERNAME, or the URL's user parameter)
              --password     its password (default $SPRING_DATASOURCE_PASSWORD, or the URL's password parameter)
              --batch        logs per transaction (default 10000)
              --spot-checks  logs drawn at random and compared field by field at the end (default 1000)
              --progress     auto (a bar on a terminal, else a line every 5 s), bar, lines or none
            Moves the logs with their ids, the users, managed tokens, alert rules, channels, the outbox, retention
            rules, the audit trail and the idempotency keys, then compares both stores. Stop the server first.
            Stopped or crashed? Run the same command again: it goes on after the last log stored.
            """;

    private final PrintStream out;
    private final PrintStream err;
    /** Runs inside each batch's transaction before its COMMIT, with the batch's number from 1: tests stop a run here. */
    private final IntConsumer beforeCommit;

    MigrateCommand(PrintStream out, PrintStream err) {
        this(out, err, batch -> {});
    }

    MigrateCommand(PrintStream out, PrintStream err, IntConsumer beforeCommit) {
        this.out = out;
        this.err = err;
        this.beforeCommit = beforeCommit;
    }

    int run(Arguments args, Map<String, String> env) {
        quietFlyway();
        Path from = Path.of(args.value("from").orElseThrow(() -> new UsageException("migrate needs --from STORE")));
        String to = args.value("to").orElseThrow(() -> new UsageException("migrate needs --to JDBC-URL"));
        String user = args.orEnv("user", env, "SPRING_DATASOURCE_USERNAME");
        String password = args.orEnv("password", env, "SPRING_DATASOURCE_PASSWORD");
        int batch = (int) args.wholeNumber("batch", 10_000, 1, 100_000);
        int spotChecks = (int) args.wholeNumber("spot-checks", 1000, 0, 1_000_000);
        Progress.Style style = Progress.style(args.choice("progress", "auto", Progress.STYLES));
        try (MigrateSource source = MigrateSource.open(from);
                MigrateTarget target = MigrateTarget.connect(to, user, password)) {
            return migrate(source, target, MigrateTarget.shown(to), batch, spotChecks, style);
        } catch (MigrationRefused e) {
            err.println("logcentral migrate: " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            err.println("logcentral migrate: failed: " + e.getMessage());
            err.println("what was committed stays: the same command again goes on after the last log stored");
            return 1;
        }
    }

    private int migrate(
            MigrateSource source, MigrateTarget target, String to, int batch, int spotChecks, Progress.Style style)
            throws MigrationRefused, SQLException {
        out.println("migrate: " + source.file() + " -> " + to);
        out.println(target.createSchema());
        if (!target.lock()) {
            throw new MigrationRefused("another migrate is running into " + to);
        }
        MigrateCheck check = new MigrateCheck(source, target, out);
        Summary theirs = target.summary();
        Map<Table, Rows> tables = check.sourceTables();
        String why = check.whyNotOurs(theirs, tables);
        if (why != null) {
            throw new MigrationRefused(
                    "the target " + to + " is not a copy of this store: " + why + "; migrate into an empty database");
        }
        Summary ours = source.summary();
        long started = System.nanoTime();
        long moved = 0;
        if (theirs.count() == ours.count()) {
            out.println("already migrated: the target holds every log of the store; verifying");
        } else {
            if (theirs.count() > 0) {
                out.printf(
                        Locale.ROOT,
                        "going on after log %d: %,d of %,d logs were moved before%n",
                        theirs.maxId(),
                        theirs.count(),
                        ours.count());
            }
            moved = copyLogs(source, target, theirs, ours.count(), batch, style);
        }
        target.finish(tables, highestIdsEver(source, tables));
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "moved %,d logs in %.1f s (%,.0f logs/s) and %d other tables%n",
                moved,
                seconds,
                moved / Math.max(seconds, 0.001),
                tables.size());
        out.println("verifying:");
        int wrong = check.verify(spotChecks);
        if (wrong > 0) {
            out.println("verification FAILED: " + wrong + " checks differ; the target is not a faithful copy");
            return 1;
        }
        out.println("verified: the target holds what the store holds; start the server with" + " spring.datasource.url="
                + to);
        return 0;
    }

    /**
     * Copies the logs after the target's last one, batch by batch in id order. The next batch is read from SQLite
     * while PostgreSQL takes the current one, so the two stores work at once.
     */
    private long copyLogs(
            MigrateSource source, MigrateTarget target, Summary start, long total, int batch, Progress.Style style)
            throws SQLException {
        Instant now = Instant.now();
        long moved = 0;
        int number = 0;
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "migrate-reader"));
        try (Progress progress = new Progress(err, style, total, "migrate", "logs", MigrateCommand::logs)) {
            progress.begin("", start.count());
            List<StoredLog> logs = source.after(start.maxId(), batch);
            while (!logs.isEmpty()) {
                long last = logs.get(logs.size() - 1).id();
                Future<List<StoredLog>> next = reader.submit(() -> source.after(last, batch));
                target.write(logs, now, beforeCommit, ++number);
                moved += logs.size();
                progress.advance(logs.size(), logs.size());
                logs = await(next);
            }
            return moved;
        } finally {
            stop(reader);
        }
    }

    /** The reader may be amid a read when a write failed: it ends before the store's connection closes. */
    private static void stop(ExecutorService reader) {
        reader.shutdown();
        try {
            reader.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<StoredLog> await(Future<List<StoredLog>> next) throws SQLException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Map<Table, Long> highestIdsEver(MigrateSource source, Map<Table, Rows> tables) throws SQLException {
        Map<Table, Long> highest = new LinkedHashMap<>();
        for (Table table : tables.keySet()) {
            highest.put(table, table.identity() ? source.highestIdEver(table) : 0L);
        }
        return highest;
    }

    /**
     * Flyway tells each step at INFO, and outside Spring nothing sets the level: its lines would bury the command's own
     * on standard output. Its warnings and errors still show.
     */
    private static void quietFlyway() {
        if (LoggerFactory.getLogger("org.flywaydb") instanceof ch.qos.logback.classic.Logger flyway
                && flyway.getLevel() == null) {
            flyway.setLevel(Level.WARN);
        }
    }

    private static String logs(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
