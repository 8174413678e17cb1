package io.logcentral.pipeline;

import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One request's logs waiting in the queue, with the name of the token that sent them; {@code done} completes with the
 * id of its first log once committed.
 * {@code queuedNanos} is when it was queued, on {@link System#nanoTime()}.
 */
record Pending(
        String token,
        List<NewLog> logs,
        long bytes,
        Severity highest,
        KeptAnswer answer,
        CompletableFuture<Long> done,
        long queuedNanos) {

    static Pending of(String token, List<NewLog> logs, KeptAnswer answer) {
        long bytes = 0;
        Severity highest = Severity.TRACE;
        for (NewLog log : logs) {
            bytes += estimatedBytes(log);
            if (log.severity().compareTo(highest) > 0) {
                highest = log.severity();
            }
        }
        return new Pending(
                token, List.copyOf(logs), bytes, highest, answer, new CompletableFuture<>(), System.nanoTime());
    }

    boolean urgent() {
        return highest.compareTo(Severity.ERROR) >= 0;
    }

    /** Strings are at most two bytes a character here; the fixed part covers the object headers and the numbers. */
    private static long estimatedBytes(NewLog log) {
        long chars = log.message().length()
                + log.attributesJson().length()
                + log.service().length()
                + length(log.requestId())
                + length(log.traceId())
                + length(log.spanId())
                + length(log.host());
        return 2 * chars + 200;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
