package io.logcentral.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The meters of alerting: notifications by outcome, the backlog of logs to check, and how late checks run. */
@Component
public final class AlertMetrics {

    private final Counter sent;
    private final Counter failed;
    private final Counter suppressed;
    private final Counter dropped;
    private final Counter evaluationErrors;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong checkedThrough = new AtomicLong();
    private final Timer lag;

    AlertMetrics(MeterRegistry registry) {
        sent = Counter.builder("logcentral.notifications.sent")
                .description("Notifications a channel accepted")
                .register(registry);
        failed = Counter.builder("logcentral.notifications.failed")
                .description("Notifications given up after their last try")
                .register(registry);
        suppressed = Counter.builder("logcentral.notifications.suppressed")
                .description("Matches a cooldown held back, told later as \"and N more\"")
                .register(registry);
        dropped = Counter.builder("logcentral.alerts.dropped.logs")
                .description("Committed logs left unchecked because the backlog was full")
                .register(registry);
        evaluationErrors = Counter.builder("logcentral.alerts.evaluation.errors")
                .description("Batches whose check failed")
                .register(registry);
        Gauge.builder("logcentral.notifications.pending", pending, AtomicLong::get)
                .description("Notifications in the outbox not yet sent")
                .register(registry);
        Gauge.builder("logcentral.alerts.backlog.logs", backlog, AtomicLong::get)
                .description("Committed logs waiting to be checked against the rules")
                .register(registry);
        lag = Timer.builder("logcentral.alerts.evaluation.lag")
                .description("From a batch's commit to the end of its check")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** What {@code /health} shows of the rules' checking thread. */
    public Map<String, Object> health() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("backlog_logs", backlog.get());
        figures.put("lag_ms_max", lag.max(TimeUnit.MILLISECONDS));
        figures.put("failed_checks", (long) evaluationErrors.count());
        figures.put("dropped_logs", (long) dropped.count());
        return figures;
    }

    /** The figures {@code GET /metrics} shows. */
    public Map<String, Object> snapshot() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("notifications_sent", (long) sent.count());
        figures.put("notifications_failed", (long) failed.count());
        figures.put("notifications_suppressed", (long) suppressed.count());
        figures.put("notifications_pending", pending.get());
        figures.put("alerts_backlog_logs", backlog.get());
        figures.put("alerts_dropped_logs", (long) dropped.count());
        figures.put("alerts_lag_ms_max", lag.max(TimeUnit.MILLISECONDS));
        return figures;
    }

    void sent() {
        sent.increment();
        pending.decrementAndGet();
    }

    void failed() {
        failed.increment();
        pending.decrementAndGet();
    }

    void suppressed() {
        suppressed.increment();
    }

    void queued(int notifications) {
        pending.addAndGet(notifications);
    }

    void pendingAtStart(long notifications) {
        pending.set(notifications);
    }

    void dropped(int logs) {
        dropped.increment(logs);
    }

    void evaluationFailed() {
        evaluationErrors.increment();
    }

    void backlog(long logs) {
        backlog.set(logs);
    }

    void checked(long lastId, long nanosSinceCommit) {
        checkedThrough.set(lastId);
        lag.record(nanosSinceCommit, TimeUnit.NANOSECONDS);
    }

    /** The id of the last log checked against the rules. */
    long checkedThrough() {
        return checkedThrough.get();
    }
}
