package io.logcentral.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies being read and parsed at once. A body is charged as its bytes arrive, never for the length
 * it declares: seven clients declaring 10 MiB each and sending a byte every 30 s would otherwise hold the whole budget
 * and turn every other client away. Many large bodies at once are still refused instead of filling the heap.
 */
public final class BodyBudget {

    private final AtomicLong used = new AtomicLong();
    private final long limit;

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** A reservation holding nothing yet, for a body to be charged as it arrives. */
    public Reservation open() {
        return new Reservation();
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
