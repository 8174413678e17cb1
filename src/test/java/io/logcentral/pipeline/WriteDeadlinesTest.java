package io.logcentral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriteDeadlinesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WriteQueue queue = new WriteQueue(1000, Long.MAX_VALUE, 1.0);
    private final AtomicBoolean writerRunning = new AtomicBoolean(true);

    private static Pending request(String message) {
        NewLog log =
                new NewLog(Instant.EPOCH, Instant.EPOCH, "svc", Severity.INFO, message, null, null, null, null, "{}");
        return Pending.of("token", List.of(log), null);
    }

    @Test
    void aQueuedRequestIsAnsweredNothingStoredOnceItsTimeIsUpAndNotBefore() {
        Pending waiting = request("waiting");
        queue.offer(waiting);
        WriteDeadlines deadlines = new WriteDeadlines(queue, TIMEOUT, writerRunning::get, List::of, () -> {});

        deadlines.sweep(waiting.queuedNanos() + TIMEOUT.toNanos() - 1);
        assertThat(waiting.done()).isNotDone();
        assertThat(queue.logs()).isEqualTo(1);

        deadlines.sweep(waiting.queuedNanos() + TIMEOUT.toNanos());
        assertThatThrownBy(() -> waiting.done().get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("nothing was stored");
        assertThat(queue.logs()).isZero();
    }

    @Test
    void aRequestTheWriterHasTakenWaitsForItsOutcomeUnlessTheWriterIsGone() throws Exception {
        Pending taken = request("taken");
        queue.offer(taken);
        List<Pending> committing = queue.take(10, Duration.ZERO, Duration.ZERO);
        WriteDeadlines deadlines = new WriteDeadlines(queue, TIMEOUT, writerRunning::get, () -> committing, () -> {});
        long muchLater = taken.queuedNanos() + 10 * TIMEOUT.toNanos();

        deadlines.sweep(muchLater);
        assertThat(taken.done()).isNotDone();

        writerRunning.set(false);
        deadlines.sweep(muchLater);
        assertThatThrownBy(() -> taken.done().get())
                .cause()
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("writer stopped");
    }

    @Test
    void aSweepThatThrowsEvenAnErrorIsCountedAndTheNextTickSweepsAgain() throws Exception {
        writerRunning.set(false);
        AtomicInteger failed = new AtomicInteger();
        WriteDeadlines deadlines = new WriteDeadlines(
                queue,
                Duration.ofMillis(10),
                writerRunning::get,
                () -> {
                    throw new AssertionError("a sweep that fails");
                },
                failed::incrementAndGet);

        deadlines.start();
        try {
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (failed.get() < 3 && System.nanoTime() < giveUp) {
                Thread.sleep(5);
            }
        } finally {
            deadlines.stop();
        }

        assertThat(failed.get()).isGreaterThanOrEqualTo(3);
    }
}
