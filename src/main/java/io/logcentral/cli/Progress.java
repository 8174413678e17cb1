package io.logcentral.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * A command's progress on standard error: what is done out of the total (the import's bytes of files, the migration's
 * logs), items per second and the time left. A terminal gets one line redrawn in place; anything else (a log file, CI)
 * a plain line every few seconds.
 */
final class Progress implements AutoCloseable {

    enum Style {
        BAR,
        LINES,
        NONE
    }

    /** The choices of {@code --progress}. */
    static final List<String> STYLES = List.of("auto", "bar", "lines", "none");

    private static final int WIDTH = 24;

    private final PrintStream err;
    private final Style style;
    private final String command;
    private final String items;
    private final LongFunction<String> amount;
    private final long total;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private long done;
    private long lines;
    private long doneAtStart;
    private String current = "";

    /** The style {@code --progress} chose: auto is a bar on a terminal, else lines. */
    static Style style(String choice) {
        return switch (choice) {
            case "bar" -> Style.BAR;
            case "lines" -> Style.LINES;
            case "none" -> Style.NONE;
            default -> System.console() != null ? Style.BAR : Style.LINES;
        };
    }

    /** The import's: bytes of files, lines per second. */
    Progress(PrintStream err, Style style, long totalBytes) {
        this(err, style, totalBytes, "import", "lines", Progress::size);
    }

    /**
     * @param items what the speed counts, per second
     * @param amount how a quantity of what is done prints
     */
    Progress(PrintStream err, Style style, long total, String command, String items, LongFunction<String> amount) {
        this.err = err;
        this.style = style;
        this.command = command;
        this.items = items;
        this.amount = amount;
        this.total = Math.max(total, 1);
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, command + "-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = style == Style.BAR ? 250 : 5000;
        if (style != Style.NONE) {
            ticker.scheduleAtFixedRate(this::show, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** A part (a file, a table) begins at {@code alreadyDone}: what an earlier run did counts as done, not as speed. */
    synchronized void begin(String name, long alreadyDone) {
        current = name;
        done += alreadyDone;
        doneAtStart += alreadyDone;
    }

    synchronized void advance(long bytes, long lineCount) {
        done += bytes;
        lines += lineCount;
    }

    synchronized long lines() {
        return lines;
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private synchronized void show() {
        String line = line();
        if (style == Style.BAR) {
            err.print("\r" + line + "\033[K");
        } else {
            err.println(line);
        }
        err.flush();
    }

    private String line() {
        double fraction = Math.min(1.0, (double) done / total);
        double elapsed = Math.max(seconds(), 0.001);
        double bytesPerSecond = (done - doneAtStart) / elapsed;
        String eta = bytesPerSecond > 0 ? clock((total - done) / bytesPerSecond) : "?";
        String text = String.format(
                Locale.ROOT,
                "%5.1f%% %s / %s, %,.0f %s/s, ETA %s  %s",
                fraction * 100,
                amount.apply(done),
                amount.apply(total),
                lines / elapsed,
                items,
                eta,
                current);
        if (style != Style.BAR) {
            return command + ": " + text;
        }
        int filled = (int) Math.round(fraction * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text;
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (style != Style.NONE) {
            show();
            if (style == Style.BAR) {
                err.println();
            }
        }
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
