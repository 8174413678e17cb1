package io.logcentral.cli;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The worst moment for an importer to die, on demand: right after the server stored a batch and before the state file
 * says so. {@code -Dlogcentral.import.halt-after-batches=N} halts the JVM there (no shutdown hooks, like
 * {@code kill -9}) after the N-th batch, so the test of a resumed import meets that case every time, not by luck.
 */
final class CrashForTests {

    private static final long HALT_AFTER = Long.getLong("logcentral.import.halt-after-batches", 0);
    private static final AtomicLong ACKNOWLEDGED = new AtomicLong();

    private CrashForTests() {}

    static void afterAcknowledged() {
        if (HALT_AFTER > 0 && ACKNOWLEDGED.incrementAndGet() == HALT_AFTER) {
            Runtime.getRuntime().halt(137);
        }
    }
}
