package io.logcentral.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies being read and parsed at once. A body is charged before it is read, and as it grows when
 * its length was not declared, so many large requests at once are refused instead of filling the heap.
 */
public final class BodyBudget {

    private final AtomicLong used = new AtomicLong();
    private final long limit;

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** @throws OverloadedException (503) when the budget cannot take {@code bytes} more */
    public Reservation reserve(long bytes) {
        Reservation reservation = new Reservation();
        reservation.grow(bytes);
        return reservation;
    }

    long used() {
        return used.get();
    }

    /** What one request holds; closing it gives it back. */
    public final class Reservation implements AutoCloseable {

        private long held;

        private Reservation() {}

        public long held() {
            return held;
        }

        public void grow(long bytes) {
            long after = used.addAndGet(bytes);
            if (after > limit && after - bytes > 0) {
                used.addAndGet(-bytes);
                throw new OverloadedException("too many request bodies in flight, retry later");
            }
            held += bytes;
        }

        @Override
        public void close() {
            used.addAndGet(-held);
            held = 0;
        }
    }
}
