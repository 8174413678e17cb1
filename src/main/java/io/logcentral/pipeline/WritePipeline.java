package io.logcentral.pipeline;

import io.logcentral.storage.LogWriter;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.PendingAnswer;
import io.logcentral.storage.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Request threads hand their logs to one writer thread, which commits everything queued in one transaction (group
 * commit) and only then lets each request answer. Stops last, after the web server, and drains what it accepted.
 */
@Component
public class WritePipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WritePipeline.class);
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration ANSWERS_KEPT = Duration.ofHours(24);
    private static final Duration ANSWER_CLEANUP_EVERY = Duration.ofMinutes(10);
    private static final Duration FAILURE_PAUSE = Duration.ofMillis(200);

    private final PipelineProperties properties;
    private final LogWriter writer;
    private final WriteQueue queue;
    private final BodyBudget budget;
    private final PipelineMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong discardedIds = new AtomicLong();
    private volatile Thread thread;
    private Instant nextCleanup = Instant.EPOCH;

    WritePipeline(
            PipelineProperties properties, LogWriter writer, MeterRegistry registry, ApplicationEventPublisher events) {
        this.properties = properties;
        this.writer = writer;
        this.events = events;
        this.queue = new WriteQueue(
                properties.maxQueueLogs(), properties.maxQueueBytes().toBytes());
        this.budget = new BodyBudget(properties.maxInflightBytes().toBytes());
        this.metrics = new PipelineMetrics(registry, queue, budget);
        if (properties.discard()) {
            log.warn("logcentral.pipeline.discard is on: logs are acknowledged and NOT stored (benchmarks only)");
        }
    }

    public BodyBudget bodyBudget() {
        return budget;
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    /**
     * Queues the logs and waits until they are committed.
     *
     * @param answer kept with the logs when the request carried an idempotency key; may be null
     * @return the id of the first log; the others follow one by one in the order given
     * @throws OverloadedException (503) when the queue has no room for this request's severity
     * @throws StoreUnavailableException (503) when the store refused the commit
     */
    public long write(List<NewLog> logs, KeptAnswer answer) {
        if (properties.discard()) {
            return discardedIds.getAndAdd(logs.size()) + 1;
        }
        Pending pending = Pending.of(logs, answer);
        if (!queue.offer(pending)) {
            metrics.shed(pending.highest());
            throw new OverloadedException("the server is overloaded, retry later");
        }
        try {
            return pending.done().get(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new StoreUnavailableException("the write failed", e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("the store did not commit in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the commit", e);
        }
    }

    private void run() {
        try {
            while (!queue.isClosedAndEmpty()) {
                List<Pending> batch = queue.take(properties.maxBatchLogs(), IDLE, properties.linger());
                if (batch.isEmpty()) {
                    cleanUpAnswers();
                } else {
                    commit(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Write pipeline drained and stopped");
    }

    private void commit(List<Pending> batch) throws InterruptedException {
        List<NewLog> logs = new ArrayList<>();
        List<PendingAnswer> answers = new ArrayList<>();
        Instant now = clock.instant();
        for (Pending pending : batch) {
            if (pending.answer() != null) {
                KeptAnswer a = pending.answer();
                answers.add(new PendingAnswer(
                        a.keyHash(),
                        a.bodyHash(),
                        now,
                        a.status(),
                        logs.size(),
                        pending.logs().size(),
                        a.errorsJson()));
            }
            logs.addAll(pending.logs());
        }
        long start = System.nanoTime();
        long first;
        try {
            first = writer.insert(logs, answers);
        } catch (RuntimeException e) {
            metrics.failed();
            RuntimeException failure = e instanceof StoreUnavailableException
                    ? e
                    : new StoreUnavailableException("the store refused the write", e);
            log.warn("A batch of {} logs was not stored: {}", logs.size(), e.getMessage());
            batch.forEach(pending -> pending.done().completeExceptionally(failure));
            // A full disk or a lock does not clear in microseconds: give it a moment instead of spinning.
            Thread.sleep(FAILURE_PAUSE.toMillis());
            return;
        }
        metrics.committed(logs.size(), System.nanoTime() - start);
        long next = first;
        for (Pending pending : batch) {
            pending.done().complete(next);
            next += pending.logs().size();
        }
        publish(new LogsCommitted(first, logs));
    }

    /** After the answers, so no listener can delay a 201; a failing listener costs its own event only. */
    private void publish(LogsCommitted committed) {
        try {
            events.publishEvent(committed);
        } catch (RuntimeException e) {
            log.warn("A listener of committed logs failed: {}", e.getMessage());
        }
    }

    private void cleanUpAnswers() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(ANSWER_CLEANUP_EVERY);
        try {
            int deleted = writer.deleteAnswersBefore(now.minus(ANSWERS_KEPT));
            log.debug("Forgot {} idempotency answers older than {}", deleted, ANSWERS_KEPT);
        } catch (RuntimeException e) {
            log.warn("Could not forget old idempotency answers: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        queue.open();
        thread = new Thread(this::run, "logcentral-writer");
        thread.start();
    }

    @Override
    public void stop() {
        queue.close();
        try {
            thread.join(properties.writeTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /** Starts before and stops after the web server, so every request it let in gets its commit. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
