package io.logcentral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteQueueTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    private static Pending request(Severity severity, int logs) {
        return request("one-token", severity, logs);
    }

    private static Pending request(String token, Severity severity, int logs) {
        NewLog log = new NewLog(Instant.EPOCH, Instant.EPOCH, "svc", severity, "message", null, null, null, null, "{}");
        return Pending.of(token, Collections.nCopies(logs, log), null);
    }

    /** Offers requests of ten logs until one is refused; returns how many logs got in. */
    private static int fillWith(WriteQueue queue, Severity severity) {
        int admitted = 0;
        while (queue.offer(request(severity, 10))) {
            admitted += 10;
        }
        return admitted;
    }

    @Test
    void offerWhenQueueFillsRefusesInfoFirstThenWarningThenError() {
        WriteQueue queue = new WriteQueue(100, Long.MAX_VALUE, 1.0);

        assertThat(fillWith(queue, Severity.INFO)).isEqualTo(50);
        assertThat(queue.offer(request(Severity.DEBUG, 10))).isFalse();
        assertThat(fillWith(queue, Severity.WARNING)).isEqualTo(20);
        assertThat(fillWith(queue, Severity.ERROR)).isEqualTo(30);
        assertThat(queue.offer(request(Severity.CRITICAL, 1))).isFalse();
        assertThat(queue.logs()).isEqualTo(100);
    }

    @Test
    void offerJudgesARequestByItsHighestSeverity() {
        WriteQueue queue = new WriteQueue(100, Long.MAX_VALUE, 1.0);
        fillWith(queue, Severity.INFO);
        List<NewLog> mixed = new ArrayList<>(request(Severity.INFO, 9).logs());
        mixed.addAll(request(Severity.ERROR, 1).logs());

        assertThat(queue.offer(Pending.of("one-token", mixed, null))).isTrue();
    }

    @Test
    void offerWhenBytesRunOutRefusesToo() {
        WriteQueue queue = new WriteQueue(Long.MAX_VALUE, 10_000, 1.0);

        int admitted = fillWith(queue, Severity.INFO);

        assertThat(admitted).isPositive();
        assertThat(queue.bytes()).isLessThanOrEqualTo(5_000);
    }

    @Test
    void offerWhenEmptyTakesEvenARequestLargerThanItsShare() {
        WriteQueue queue = new WriteQueue(100, Long.MAX_VALUE, 1.0);

        assertThat(queue.offer(request(Severity.INFO, 80))).isTrue();
        assertThat(queue.offer(request(Severity.INFO, 1))).isFalse();
    }

    @Test
    void takeServesErrorsFirstAndStopsAtTheBatchSize() throws InterruptedException {
        WriteQueue queue = new WriteQueue(1000, Long.MAX_VALUE, 1.0);
        Pending info = request(Severity.INFO, 10);
        Pending warning = request(Severity.WARNING, 10);
        Pending error = request(Severity.ERROR, 10);
        queue.offer(info);
        queue.offer(warning);
        queue.offer(error);

        assertThat(queue.take(20, NO_WAIT, NO_WAIT)).containsExactly(error, info);
        assertThat(queue.take(20, NO_WAIT, NO_WAIT)).containsExactly(warning);
        assertThat(queue.take(20, NO_WAIT, NO_WAIT)).isEmpty();
        assertThat(queue.logs()).isZero();
    }

    @Test
    void closeRefusesNewRequestsButKeepsQueuedOnesForTheWriter() throws InterruptedException {
        WriteQueue queue = new WriteQueue(1000, Long.MAX_VALUE, 1.0);
        Pending queued = request(Severity.INFO, 5);
        queue.offer(queued);

        queue.close();

        assertThat(queue.offer(request(Severity.CRITICAL, 1))).isFalse();
        assertThat(queue.isClosedAndEmpty()).isFalse();
        assertThat(queue.take(100, Duration.ofSeconds(5), NO_WAIT)).containsExactly(queued);
        assertThat(queue.isClosedAndEmpty()).isTrue();
        queue.open();
        assertThat(queue.offer(request(Severity.INFO, 1))).isTrue();
    }

    @Test
    void offerWhenOneTokenHoldsItsShareRefusesItButStillAdmitsAnother() {
        WriteQueue queue = new WriteQueue(100, Long.MAX_VALUE, 0.5);

        int flooder = 0;
        while (queue.offer(request("flooder", Severity.INFO, 5))) {
            flooder += 5;
        }

        assertThat(flooder).isEqualTo(25);
        assertThat(queue.offer(request("quiet", Severity.INFO, 5))).isTrue();
        assertThat(queue.offer(request("flooder", Severity.ERROR, 5))).isTrue();
    }

    @Test
    void takeServesWaitingTokensInTurnNotInArrivalOrder() throws InterruptedException {
        WriteQueue queue = new WriteQueue(1000, Long.MAX_VALUE, 1.0);
        List<Pending> flood = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flood.add(request("flooder", Severity.INFO, 10));
            queue.offer(flood.get(i));
        }
        Pending quiet = request("quiet", Severity.INFO, 10);
        queue.offer(quiet);

        assertThat(queue.take(20, NO_WAIT, NO_WAIT)).containsExactly(flood.get(0), quiet);
        assertThat(queue.take(20, NO_WAIT, NO_WAIT)).containsExactly(flood.get(1), flood.get(2));
    }

    @Test
    void removingTheRequestsQueuedUntilADeadlineTakesOutExactlyThoseAndGivesTheirTokensTheirShareBack()
            throws InterruptedException {
        WriteQueue queue = new WriteQueue(100, Long.MAX_VALUE, 0.5);
        Pending flooderEarly = request("flooder", Severity.INFO, 25);
        Pending quietEarly = request("quiet", Severity.ERROR, 5);
        queue.offer(flooderEarly);
        queue.offer(quietEarly);
        long deadline = Math.max(flooderEarly.queuedNanos(), quietEarly.queuedNanos());
        Pending quietLate = later(request("quiet", Severity.INFO, 5), deadline);
        queue.offer(quietLate);
        assertThat(queue.offer(request("flooder", Severity.INFO, 1))).isFalse();

        assertThat(queue.removeQueuedUntil(deadline)).containsExactlyInAnyOrder(flooderEarly, quietEarly);

        assertThat(queue.logs()).isEqualTo(5);
        assertThat(queue.offer(request("flooder", Severity.INFO, 25))).isTrue();
        assertThat(queue.take(100, NO_WAIT, NO_WAIT)).first().isEqualTo(quietLate);
    }

    /** The same request, queued one nanosecond after {@code nanos}, whatever the clock's resolution. */
    private static Pending later(Pending pending, long nanos) {
        return new Pending(
                pending.token(),
                pending.logs(),
                pending.bytes(),
                pending.highest(),
                pending.answer(),
                pending.done(),
                nanos + 1);
    }
}
