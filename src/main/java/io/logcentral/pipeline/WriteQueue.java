package io.logcentral.pipeline;

import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Requests waiting for the writer, bounded in logs and bytes. A request is admitted whole or refused whole, judged by
 * its highest severity: the lower ones may fill only part of the queue, so under load they are refused first and room
 * stays for errors. Requests holding an error or worse are taken first. Fair per token: one token may hold only a share
 * of what its severity may fill, so a flooding token is refused while others still get in, and the writer takes the
 * requests of waiting tokens in turn rather than in arrival order.
 */
final class WriteQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final TokenLanes urgent = new TokenLanes();
    private final TokenLanes normal = new TokenLanes();
    private final Map<String, Long> logsByToken = new HashMap<>();
    private final long maxLogs;
    private final long maxBytes;
    private final double tokenShare;
    private long logs;
    private long bytes;
    private boolean closed;

    /** @param tokenShare the part of what its severity may fill that one token may hold (1: no limit per token) */
    WriteQueue(long maxLogs, long maxBytes, double tokenShare) {
        this.maxLogs = maxLogs;
        this.maxBytes = maxBytes;
        this.tokenShare = tokenShare;
    }

    /** Share of the queue that requests up to a severity may fill. */
    static double share(Severity highest) {
        return switch (highest) {
            case TRACE, DEBUG, INFO -> 0.5;
            case WARNING -> 0.75;
            case ERROR, CRITICAL -> 1.0;
        };
    }

    /** @return false when the request is refused: the queue is too full for its severity or its token, or closed */
    boolean offer(Pending pending) {
        double share = share(pending.highest());
        int size = pending.logs().size();
        lock.lock();
        try {
            long tokenLogs = logsByToken.getOrDefault(pending.token(), 0L);
            boolean fits = logs + size <= maxLogs * share
                    && bytes + pending.bytes() <= maxBytes * share
                    && tokenLogs + size <= maxLogs * share * tokenShare;
            // An empty queue takes any request, or one larger than a share could never pass.
            if (closed || !(fits || logs == 0)) {
                return false;
            }
            (pending.urgent() ? urgent : normal).add(pending);
            logsByToken.merge(pending.token(), (long) size, Long::sum);
            logs += size;
            bytes += pending.bytes();
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for requests, then takes them up to {@code maxLogs} logs (at least one request), urgent ones first.
     *
     * @param idle how long to wait for a first request
     * @param linger once there is one, how long to wait for more
     * @return empty when nothing came within {@code idle}, or the queue is closed and drained
     */
    List<Pending> take(int maxBatchLogs, Duration idle, Duration linger) throws InterruptedException {
        lock.lock();
        try {
            long idleNanos = idle.toNanos();
            while (logs == 0 && !closed && idleNanos > 0) {
                idleNanos = notEmpty.awaitNanos(idleNanos);
            }
            long lingerNanos = linger.toNanos();
            while (logs > 0 && logs < maxBatchLogs && !closed && lingerNanos > 0) {
                lingerNanos = notEmpty.awaitNanos(lingerNanos);
            }
            List<Pending> batch = new ArrayList<>();
            int taken = 0;
            while (logs > 0 && (batch.isEmpty() || taken + peek().logs().size() <= maxBatchLogs)) {
                Pending next = urgent.isEmpty() ? normal.poll() : urgent.poll();
                batch.add(next);
                taken += next.logs().size();
                forget(next);
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes out the requests queued at or before {@code deadlineNanos} (on {@link System#nanoTime()}) that the writer
     * has not taken.
     */
    List<Pending> removeQueuedUntil(long deadlineNanos) {
        List<Pending> removed = new ArrayList<>();
        lock.lock();
        try {
            urgent.removeQueuedUntil(deadlineNanos, removed);
            normal.removeQueuedUntil(deadlineNanos, removed);
            removed.forEach(this::forget);
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** When the request that has waited longest was queued, on {@link System#nanoTime()}; empty queue: none. */
    OptionalLong oldestQueuedNanos() {
        lock.lock();
        try {
            OptionalLong a = urgent.oldestQueuedNanos();
            OptionalLong b = normal.oldestQueuedNanos();
            if (a.isEmpty() || b.isEmpty()) {
                return a.isEmpty() ? b : a;
            }
            return a.getAsLong() - b.getAsLong() < 0 ? a : b;
        } finally {
            lock.unlock();
        }
    }

    private void forget(Pending pending) {
        int size = pending.logs().size();
        logsByToken.computeIfPresent(pending.token(), (token, held) -> held == size ? null : held - size);
        logs -= size;
        bytes -= pending.bytes();
    }

    private Pending peek() {
        return urgent.isEmpty() ? normal.peek() : urgent.peek();
    }

    /** Takes requests (again, after a {@link #close()}). */
    void open() {
        lock.lock();
        try {
            closed = false;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses every request from now on; those already in stay to be written. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosedAndEmpty() {
        lock.lock();
        try {
            return closed && logs == 0;
        } finally {
            lock.unlock();
        }
    }

    long logs() {
        lock.lock();
        try {
            return logs;
        } finally {
            lock.unlock();
        }
    }

    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }
}
