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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
    private static final Duration FAILURE_PAUSE = Duration.ofMillis(200);
    /** With maintenance waiting, how long the writer waits for a request before it calls itself idle. */
    private static final Duration MAINTENANCE_IDLE = Duration.ofMillis(2);

    private final PipelineProperties properties;
    private final LogWriter writer;
    private final WriteQueue queue;
    private final BodyBudget budget;
    private final PipelineMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong discardedIds = new AtomicLong();
    private final WriterHealth health;
    private volatile Thread thread;
    private final WriteDeadlines deadlines;
    /** The requests of the commit under way, for {@link WriteDeadlines} should the writer thread be gone. */
    private volatile List<Pending> committing = List.of();

    private final ObjectProvider<Maintenance> maintenanceProvider;
    private volatile MaintenanceSchedule maintenance = new MaintenanceSchedule(List.of());

    WritePipeline(
            PipelineProperties properties,
            LogWriter writer,
            MeterRegistry registry,
            ApplicationEventPublisher events,
            ObjectProvider<Maintenance> maintenance) {
        this.properties = properties;
        this.maintenanceProvider = maintenance;
        this.writer = writer;
        this.events = events;
        this.queue = new WriteQueue(
                properties.maxQueueLogs(), properties.maxQueueBytes().toBytes(), properties.maxQueueSharePerToken());
        this.budget = new BodyBudget(properties.maxInflightBytes().toBytes());
        this.metrics = new PipelineMetrics(registry, queue, budget);
        this.health = new WriterHealth(clock, properties.writeTimeout(), this::isRunning, queue::oldestQueuedNanos);
        this.deadlines = new WriteDeadlines(
                queue, properties.writeTimeout(), this::isRunning, () -> committing, health::deadlineSweepFailed);
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

    public WriterHealth health() {
        return health;
    }

    /**
     * Queues the logs and waits until they are committed.
     *
     * @param token the name of the token that sent them, which the queue is fair between
     * @param answer kept with the logs when the request carried an idempotency key; may be null
     * @return the id of the first log; the others follow one by one in the order given
     * @throws OverloadedException (503) when the queue has no room for this request's severity
     * @throws StoreUnavailableException (503) when the store refused the commit
     */
    public long write(String token, List<NewLog> logs, KeptAnswer answer) {
        if (properties.discard()) {
            return discardedIds.getAndAdd(logs.size()) + 1;
        }
        if (maintenance.refusesWrites()) {
            throw new OverloadedException("the disk is nearly full and space is being freed, retry later");
        }
        Pending pending = Pending.of(token, logs, answer);
        if (!queue.offer(pending)) {
            metrics.shed(pending.highest());
            throw new OverloadedException("the server is overloaded, retry later");
        }
        try {
            // No timeout here: WriteDeadlines answers the requests whose commit is late.
            return pending.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new StoreUnavailableException("the write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the commit", e);
        }
    }

    /** Supervised: whatever one iteration throws, an {@code Error} included, is counted and the loop goes on. */
    private void run() {
        while (!queue.isClosedAndEmpty()) {
            try {
                Duration idle = maintenance.hasMore() ? MAINTENANCE_IDLE : IDLE;
                List<Pending> batch = queue.take(properties.maxBatchLogs(), idle, properties.linger());
                if (!batch.isEmpty()) {
                    committing = batch;
                    try {
                        commit(batch);
                    } finally {
                        committing = List.of();
                    }
                }
                health.batchStarted();
                try {
                    maintenance.run(batch.isEmpty() && queue.logs() == 0);
                } finally {
                    health.batchEnded();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                health.iterationFailed();
                log.error("The writer loop failed and carries on", e);
            }
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
        health.batchStarted();
        try {
            first = writer.insert(logs, answers);
        } catch (Throwable e) {
            fail(batch, e);
            // A full disk or a lock does not clear in microseconds: give it a moment instead of spinning.
            Thread.sleep(FAILURE_PAUSE.toMillis());
            return;
        } finally {
            health.batchEnded();
        }
        metrics.committed(logs.size(), System.nanoTime() - start);
        health.committed();
        long next = first;
        for (Pending pending : batch) {
            pending.done().complete(next);
            next += pending.logs().size();
        }
        publish(new LogsCommitted(first, logs));
    }

    /** Nothing of the batch was stored (the writer rolled it back): each of its requests is told so. */
    private void fail(List<Pending> batch, Throwable e) {
        metrics.failed();
        health.batchFailed();
        RuntimeException failure = e instanceof StoreUnavailableException unavailable
                ? unavailable
                : new StoreUnavailableException("the store refused the write", e);
        if (e instanceof Error) {
            log.error("A batch of {} logs was not stored", batch.size(), e);
        } else {
            log.warn("A batch of {} requests was not stored: {}", batch.size(), e.getMessage());
        }
        batch.forEach(pending -> pending.done().completeExceptionally(failure));
    }

    /** After the answers, so no listener can delay a 201; a failing listener costs its own event only. */
    private void publish(LogsCommitted committed) {
        try {
            events.publishEvent(committed);
        } catch (RuntimeException e) {
            log.warn("A listener of committed logs failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        List<Maintenance> tasks = new ArrayList<>(List.of(new ForgetOldAnswers(writer, clock)));
        maintenanceProvider.orderedStream().forEach(tasks::add);
        maintenance = new MaintenanceSchedule(tasks);
        queue.open();
        thread = new Thread(this::run, "logcentral-writer");
        thread.start();
        deadlines.start();
    }

    @Override
    public void stop() {
        queue.close();
        try {
            thread.join(properties.writeTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deadlines.stop();
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
