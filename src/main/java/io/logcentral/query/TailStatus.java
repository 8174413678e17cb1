package io.logcentral.query;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** How the live-tail poller fares, for {@code /health}: a poller that stopped polling leaves every tail silent. */
@Component
public class TailStatus {

    private volatile Instant lastPoll = Instant.now();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** When the poller last finished a round without failing; it polls twice a second. */
    public Instant lastPoll() {
        return lastPoll;
    }

    /** Rounds of the poller that failed since start. */
    public long failures() {
        return failures.get();
    }

    /** Tails closed because their client did not read. */
    public long dropped() {
        return dropped.get();
    }

    void polled() {
        lastPoll = Instant.now();
    }

    void failed() {
        failures.incrementAndGet();
    }

    void droppedOne() {
        dropped.incrementAndGet();
    }
}
