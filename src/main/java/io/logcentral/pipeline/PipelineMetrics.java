package io.logcentral.pipeline;

import io.logcentral.storage.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The meters of each stage: queue depth, batch size, commit latency, refused requests by severity. */
public final class PipelineMetrics {

    private final WriteQueue queue;
    private final BodyBudget budget;
    private final DistributionSummary batchSize;
    private final Timer commits;
    private final Counter failedCommits;
    private final Map<Severity, Counter> shed = new EnumMap<>(Severity.class);

    PipelineMetrics(MeterRegistry registry, WriteQueue queue, BodyBudget budget) {
        this.queue = queue;
        this.budget = budget;
        Gauge.builder("logcentral.pipeline.queue.logs", queue, WriteQueue::logs)
                .description("Logs accepted, not yet committed")
                .register(registry);
        Gauge.builder("logcentral.pipeline.queue.bytes", queue, WriteQueue::bytes)
                .description("Estimated size of the queued logs")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("logcentral.pipeline.inflight.bytes", budget, BodyBudget::used)
                .description("Request bodies being read or parsed")
                .baseUnit("bytes")
                .register(registry);
        batchSize = DistributionSummary.builder("logcentral.pipeline.batch.logs")
                .description("Logs per commit")
                .register(registry);
        commits = Timer.builder("logcentral.pipeline.commit")
                .description("Time to insert and commit one batch")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        failedCommits = Counter.builder("logcentral.pipeline.commit.failed")
                .description("Batches the store refused")
                .register(registry);
        for (Severity severity : Severity.values()) {
            shed.put(
                    severity,
                    Counter.builder("logcentral.pipeline.shed")
                            .description("Requests refused for load, by their highest severity")
                            .tag("severity", severity.name())
                            .register(registry));
        }
    }

    void committed(int logs, long nanos) {
        batchSize.record(logs);
        commits.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed() {
        failedCommits.increment();
    }

    void shed(Severity highest) {
        shed.get(highest).increment();
    }

    /** The figures {@code GET /metrics} shows. */
    public Map<String, Object> snapshot() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("queue_depth", queue.logs());
        figures.put("queue_bytes", queue.bytes());
        figures.put("inflight_body_bytes", budget.used());
        figures.put("batches_committed", commits.count());
        figures.put("batches_failed", (long) failedCommits.count());
        figures.put("batch_size_mean", batchSize.mean());
        figures.put("commit_ms_mean", commits.mean(TimeUnit.MILLISECONDS));
        figures.put("commit_ms_max", commits.max(TimeUnit.MILLISECONDS));
        Map<String, Long> refused = new LinkedHashMap<>();
        shed.forEach((severity, counter) -> refused.put(severity.name(), (long) counter.count()));
        figures.put("requests_shed", refused);
        return figures;
    }
}
