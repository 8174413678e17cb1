package io.logcentral.alert;

import io.logcentral.pipeline.LogsCommitted;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The backlog between the writer and the rules: the writer's thread only hands each committed batch over, and the
 * backlog is bounded in logs, so a slow check can cost alerts but never ingest. Batches no enabled rule could match
 * (all below the least severity any rule accepts) are not kept at all.
 */
@Component
class CommittedLogs {

    /** A committed batch and when it was handed over, for the lag. */
    record Batch(LogsCommitted committed, long handedNanos) {}

    private final LinkedBlockingQueue<Batch> batches = new LinkedBlockingQueue<>();
    private final AtomicLong logs = new AtomicLong();
    private final RuleBook rules;
    private final AlertMetrics metrics;
    private final long capacity;

    CommittedLogs(RuleBook rules, AlertMetrics metrics, AlertProperties properties) {
        this.rules = rules;
        this.metrics = metrics;
        this.capacity = properties.backlog();
    }

    @EventListener
    void on(LogsCommitted committed) {
        try {
            Severity floor = rules.floor();
            if (floor == null || committed.logs().stream().noneMatch(log -> atLeast(log, floor))) {
                return;
            }
            int size = committed.logs().size();
            if (logs.addAndGet(size) > capacity) {
                logs.addAndGet(-size);
                metrics.dropped(size);
                return;
            }
            batches.add(new Batch(committed, System.nanoTime()));
            metrics.backlog(logs.get());
        } catch (RuntimeException e) {
            // Never the writer's problem: the batch goes unchecked and is counted.
            metrics.dropped(committed.logs().size());
        }
    }

    /** The next batch, or null when none came within {@code wait}. */
    Batch poll(Duration wait) throws InterruptedException {
        Batch batch = batches.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (batch != null) {
            metrics.backlog(logs.addAndGet(-batch.committed().logs().size()));
        }
        return batch;
    }

    private static boolean atLeast(NewLog log, Severity floor) {
        return log.severity().compareTo(floor) >= 0;
    }
}
