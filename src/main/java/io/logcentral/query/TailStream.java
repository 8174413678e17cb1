package io.logcentral.query;

import io.logcentral.storage.LogQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One live tail. The poller puts its events in a buffer of bounded size and a sender thread of its own writes them
 * out, so a client that does not read blocks only its own sender, never the poller or the other tails.
 */
final class TailStream {

    private record Pending(SseEmitter.SseEventBuilder event, long bytes) {}

    final LogQuery filters;
    final String token;
    final SseEmitter emitter;
    /** The id of the last log put in the buffer: the next read starts after it. */
    volatile long lastId;

    private final long maxBytes;
    private final Executor senders;
    private final Queue<Pending> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile long lastProgressNanos = System.nanoTime();
    /** An event was refused for want of room, and nothing was sent since. */
    private volatile boolean full;

    private volatile boolean closed;

    TailStream(LogQuery filters, String token, long lastId, long maxBytes, Executor senders) {
        this.filters = filters;
        this.token = token;
        this.lastId = lastId;
        this.maxBytes = maxBytes;
        this.senders = senders;
        this.emitter = new SseEmitter(0L);
    }

    /** Buffers an event of about {@code bytes} to send; false, and nothing buffered, when the buffer has no room. */
    boolean offer(SseEmitter.SseEventBuilder event, long bytes) {
        long before = bufferedBytes.get();
        if (closed || (before > 0 && before + bytes > maxBytes)) {
            full = true;
            return false;
        }
        if (before == 0) {
            // The stall clock starts when there is something to send, not at the last send long ago.
            lastProgressNanos = System.nanoTime();
        }
        bufferedBytes.addAndGet(bytes);
        buffer.add(new Pending(event, bytes));
        if (sending.compareAndSet(false, true)) {
            senders.execute(this::sendAll);
        }
        return true;
    }

    boolean hasRoom() {
        return !full && bufferedBytes.get() < maxBytes;
    }

    boolean isEmpty() {
        return bufferedBytes.get() == 0;
    }

    /** Whether the buffer is full and nothing was sent for {@code stall}: the client does not read. */
    boolean stalled(Duration stall) {
        return full && System.nanoTime() - lastProgressNanos > stall.toNanos();
    }

    /** Whether nothing was sent, or waited to be sent, for {@code idle}. */
    boolean idleFor(Duration idle) {
        return System.nanoTime() - lastProgressNanos > idle.toNanos();
    }

    boolean isClosed() {
        return closed;
    }

    /** Marks the tail closed and ends its response on a sender thread, which may wait behind a blocked write. */
    void close() {
        closed = true;
        buffer.clear();
        senders.execute(emitter::complete);
    }

    void closedByClient() {
        closed = true;
        buffer.clear();
    }

    private void sendAll() {
        try {
            Pending next;
            while (!closed && (next = buffer.poll()) != null) {
                emitter.send(next.event());
                bufferedBytes.addAndGet(-next.bytes());
                lastProgressNanos = System.nanoTime();
                full = false;
            }
        } catch (IOException | IllegalStateException gone) {
            closedByClient();
        } finally {
            sending.set(false);
        }
        if (!closed && !buffer.isEmpty() && sending.compareAndSet(false, true)) {
            senders.execute(this::sendAll);
        }
    }
}
