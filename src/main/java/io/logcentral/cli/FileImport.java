package io.logcentral.cli;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * One file's import: batches read in order, up to {@code parallel} of them in flight at once, each sent with an
 * {@code Idempotency-Key} of the file and its start offset. The saved offset only moves past a batch once every batch
 * before it was acknowledged too, so after a crash the rerun resends from there, and the server answers what it had
 * already stored from its idempotency keys instead of storing it twice.
 */
final class FileImport {

    /** Lines stored, refused and found already stored by an earlier run, over every file of one command. */
    static final class Totals {
        final AtomicLong stored = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong replayed = new AtomicLong();
    }

    private static final int SHOWN_ERRORS_PER_FILE = 20;

    private final Server server;
    private final ImportState state;
    private final Progress progress;
    private final ExecutorService pool;
    private final int parallel;
    private final Map<String, String> query;
    private final Totals totals;
    private final PrintStream err;
    private final AtomicReference<@Nullable String> fatal = new AtomicReference<>();
    private final AtomicLong shownErrors = new AtomicLong();

    FileImport(
            Server server,
            ImportState state,
            Progress progress,
            ExecutorService pool,
            int parallel,
            Map<String, String> query,
            Totals totals,
            PrintStream err) {
        this.server = server;
        this.state = state;
        this.progress = progress;
        this.pool = pool;
        this.parallel = parallel;
        this.query = query;
        this.totals = totals;
        this.err = err;
    }

    /** Imports {@code file} from where {@code start} says; the reason it had to stop, or null when it got through. */
    @Nullable
    String run(Path file, ImportState.Entry start, int maxLines, int maxBytes) throws InterruptedException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return file + ": " + e.getMessage();
        }
        try (CountingStream raw = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            boolean gzip = isGzip(file);
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            if (!skip(in, start.offset())) {
                return file
                        + ": the file is shorter than where the last import stopped; use --restart to import it anew";
            }
            long skippedRaw = gzip ? Math.min(raw.count, size) : start.offset();
            progress.begin(file.getFileName().toString(), skippedRaw);
            Frontier frontier = new Frontier(start, skippedRaw);
            LineBatcher batcher = new LineBatcher(in, start.offset(), start.line(), maxLines, maxBytes);
            String stem = FileIdentity.keyStem(start);
            Semaphore window = new Semaphore(parallel);
            long sequence = 0;
            try {
                while (fatal.get() == null) {
                    LineBatcher.Batch batch = batcher.next();
                    if (batch == null) {
                        break;
                    }
                    long rawEnd = gzip ? Math.min(raw.count, size) : batch.endOffset();
                    long number = sequence++;
                    if (batch.lines() == 0) {
                        frontier.acknowledge(number, batch, rawEnd);
                        continue;
                    }
                    window.acquire();
                    pool.execute(() -> {
                        try {
                            send(file, batch, stem + "-" + batch.startOffset());
                            CrashForTests.afterAcknowledged();
                            frontier.acknowledge(number, batch, rawEnd);
                        } catch (IOException | RuntimeException e) {
                            fatal.compareAndSet(null, file + ": " + e.getMessage());
                        } catch (InterruptedException e) {
                            fatal.compareAndSet(null, file + ": interrupted");
                            Thread.currentThread().interrupt();
                        } finally {
                            window.release();
                        }
                    });
                }
            } finally {
                window.acquire(parallel);
            }
        } catch (IOException e) {
            fatal.compareAndSet(null, file + ": " + e.getMessage());
        }
        long hidden = shownErrors.get() - SHOWN_ERRORS_PER_FILE;
        if (hidden > 0) {
            err.printf("%s: %d more refused lines not shown%n", file, hidden);
        }
        return fatal.get();
    }

    private void send(Path file, LineBatcher.Batch batch, String key) throws IOException, InterruptedException {
        Server.Answer answer = server.postLogs(query, "text/plain; charset=utf-8", batch.body(), key);
        Replies.Ingested reply = Replies.read(answer.body());
        boolean itemsRefused = answer.status() == 400 && !reply.itemErrors().isEmpty();
        if (answer.ok() || itemsRefused) {
            (answer.replayed() ? totals.replayed : totals.stored).addAndGet(reply.accepted());
            totals.rejected.addAndGet(itemsRefused ? batch.lines() : reply.rejected());
            for (Replies.ItemError error : reply.itemErrors()) {
                if (shownErrors.incrementAndGet() <= SHOWN_ERRORS_PER_FILE) {
                    long line = error.index() < batch.lines() ? batch.lineNumbers()[error.index()] : -1;
                    err.printf("%s:%d: %s%n", file, line, error.describe());
                }
            }
            return;
        }
        long firstLine = batch.lineNumbers()[0];
        if (answer.status() == 422 && reply.error().contains("Idempotency-Key")) {
            throw new IOException("the batch from line " + firstLine + " was sent before with other lines in it: "
                    + "resume with the same --batch-lines and --batch-bytes, or import anew with --restart");
        }
        throw new IOException("the server answered " + answer.status() + " to the batch from line " + firstLine + ": "
                + reply.error());
    }

    private static boolean skip(InputStream in, long bytes) throws IOException {
        try {
            in.skipNBytes(bytes);
            return true;
        } catch (EOFException e) {
            return false;
        }
    }

    /** gzip by its magic bytes, whatever the file is called. */
    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The acknowledged prefix of the batches, in order: what the state file and the progress bar may count. */
    private final class Frontier {
        private final TreeMap<Long, Acknowledged> waiting = new TreeMap<>();
        private ImportState.Entry entry;
        private long next;
        private long raw;

        private record Acknowledged(LineBatcher.Batch batch, long rawEnd) {}

        Frontier(ImportState.Entry start, long raw) {
            this.entry = start;
            this.raw = raw;
        }

        synchronized void acknowledge(long number, LineBatcher.Batch batch, long rawEnd) throws IOException {
            waiting.put(number, new Acknowledged(batch, rawEnd));
            boolean moved = false;
            for (Acknowledged done = waiting.remove(next); done != null; done = waiting.remove(next)) {
                entry = new ImportState.Entry(
                        entry.url(),
                        entry.path(),
                        entry.service(),
                        entry.format(),
                        entry.prefixBytes(),
                        entry.prefixSha256(),
                        done.batch().endOffset(),
                        done.batch().endLine());
                progress.advance(done.rawEnd() - raw, done.batch().lines());
                raw = done.rawEnd();
                next++;
                moved = true;
            }
            if (moved) {
                state.save(entry);
            }
        }
    }

    /** Counts the bytes read from the file on disk, for the progress of a gzip file. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
