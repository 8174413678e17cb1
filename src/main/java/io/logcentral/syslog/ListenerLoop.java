package io.logcentral.syslog;

import io.logcentral.storage.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the listener's long-lived threads, running a step until stopped. Whatever a step throws, an {@link Error}
 * such as {@code OutOfMemoryError} included, is counted and logged, and the next step runs: an escaped throwable
 * would end the thread for good while {@code /health} still showed the listener on.
 */
final class ListenerLoop {

    /** One turn of the loop; it returns on its own now and then (a socket timeout) so the stop flag is seen. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(ListenerLoop.class);

    private final String name;
    private final Step step;
    private final Thread thread;
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean stopping;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    ListenerLoop(String name, Step step) {
        this.name = name;
        this.step = step;
        this.thread = new Thread(this::loop, "syslog-" + name);
    }

    void start() {
        thread.start();
    }

    /** Asks the loop to end after its current step. */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    void join(long millis) throws InterruptedException {
        thread.join(Math.max(1, millis));
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    void interrupt() {
        thread.interrupt();
    }

    private void loop() {
        while (!stopping) {
            try {
                step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                if (stopping) {
                    return;
                }
                failures.incrementAndGet();
                lastError = e.toString();
                lastErrorAt = Instant.now();
                log.warn("Syslog {} failed ({} so far), going on: {}", name, failures.get(), e.toString());
            }
        }
    }

    /** For {@code GET /health} details. */
    Map<String, Object> health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alive", isAlive());
        details.put("failures", failures.get());
        details.put("last_error", lastError);
        details.put("last_error_at", lastErrorAt == null ? null : Timestamps.format(lastErrorAt));
        return details;
    }
}
