package io.logcentral.alert;

import io.logcentral.storage.NewLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one thread that checks committed logs against the rules and puts what fires in the outbox. One thread keeps
 * windows and cooldowns free of locks; a failing batch is counted and the thread goes on.
 */
@Component
class AlertEvaluator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Notifications kept for another try while the store refuses them; beyond this the oldest are given up. */
    private static final int UNSTORED_KEPT = 10_000;

    private final CommittedLogs backlog;
    private final RuleBook book;
    private final Outbox outbox;
    private final AlertMetrics metrics;
    private final Clock clock;
    private final Throttle throttle;
    private volatile Thread thread;
    private List<CompiledRule> known = List.of();
    private final List<Throttle.Fire> fires = new ArrayList<>();

    AlertEvaluator(CommittedLogs backlog, RuleBook book, Outbox outbox, AlertMetrics metrics, Clock clock) {
        this.backlog = backlog;
        this.book = book;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.throttle = new Throttle(metrics::suppressed);
    }

    @Override
    public void start() {
        book.reload();
        thread = new Thread(this::run, "alert-evaluator");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread != null) {
            try {
                CommittedLogs.Batch batch = backlog.poll(POLL);
                if (batch != null) {
                    check(batch);
                    int size = batch.committed().logs().size();
                    metrics.checked(batch.committed().idOf(size - 1), System.nanoTime() - batch.handedNanos());
                }
                fires.addAll(throttle.ended(clock.instant()));
                store();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                metrics.evaluationFailed();
                log.warn("Checking committed logs against the alert rules failed: {}", e.toString());
            }
        }
    }

    /** Into the outbox; if the store refuses, they wait for the next round instead of being lost. */
    private void store() {
        if (fires.isEmpty()) {
            return;
        }
        try {
            outbox.enqueue(List.copyOf(fires));
            fires.clear();
        } catch (RuntimeException e) {
            if (fires.size() > UNSTORED_KEPT) {
                fires.subList(0, fires.size() - UNSTORED_KEPT).clear();
            }
            throw e;
        }
    }

    private void check(CommittedLogs.Batch batch) {
        List<CompiledRule> rules = book.rules();
        if (rules != known) {
            known = rules;
            throttle.keepOnly(rules.stream().map(CompiledRule::id).collect(Collectors.toSet()));
        }
        Instant now = clock.instant();
        List<NewLog> logs = batch.committed().logs();
        for (int i = 0; i < logs.size(); i++) {
            NewLog entry = logs.get(i);
            ParsedAttributes attributes = new ParsedAttributes();
            for (CompiledRule rule : rules) {
                if (rule.matches(entry, attributes::of)) {
                    throttle.offer(new Throttle.Match(rule, batch.committed().idOf(i), entry), now)
                            .ifPresent(fires::add);
                }
            }
        }
    }

    /** A log's attributes parsed once, and only when a rule asks for them. */
    private static final class ParsedAttributes {
        private JsonNode parsed;

        JsonNode of(NewLog entry) {
            if (parsed == null) {
                parsed = JsonColumns.JSON.readTree(entry.attributesJson());
            }
            return parsed;
        }
    }
}
