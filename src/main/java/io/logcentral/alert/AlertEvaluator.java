package io.logcentral.alert;

import io.logcentral.storage.AlertThrottleStore;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.NewLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one thread that checks committed logs against the rules and puts what fires in the outbox. Each batch's matches
 * go to the throttle together, so windows and cooldowns cost a round trip a batch, not one a log; a failing batch is
 * counted and the thread goes on.
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
    private final Throttle throttle;
    private volatile Thread thread;
    private List<CompiledRule> known = List.of();
    private final List<Throttle.Fire> fires = new ArrayList<>();
    private long lastSweepNanos;
    private long lastRefreshNanos = System.nanoTime();

    AlertEvaluator(
            CommittedLogs backlog,
            RuleBook book,
            Outbox outbox,
            AlertMetrics metrics,
            Clock clock,
            AlertThrottleStore throttleStore,
            LogReader logs) {
        this.backlog = backlog;
        this.book = book;
        this.outbox = outbox;
        this.metrics = metrics;
        this.throttle = new Throttle(throttleStore, logs::findById, clock, metrics::suppressed);
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
                refreshRules();
                sweep();
                store();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                metrics.evaluationFailed();
                log.warn("Checking committed logs against the alert rules failed: {}", e.toString());
            }
        }
    }

    /** Rules changed on another replica: checked here too within {@link RuleBook#REFRESH}. */
    private void refreshRules() {
        long now = System.nanoTime();
        if (now - lastRefreshNanos >= RuleBook.REFRESH.toNanos()) {
            lastRefreshNanos = now;
            book.reload();
        }
    }

    /**
     * Summaries of ended cooldowns, looked for once a poll at most: on PostgreSQL each look is a round trip, and a
     * summary a fraction of a second late costs nothing.
     */
    private void sweep() {
        long now = System.nanoTime();
        if (now - lastSweepNanos < POLL.toNanos()) {
            return;
        }
        lastSweepNanos = now;
        fires.addAll(throttle.ended(book.rules()));
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
            Set<Long> gone = new HashSet<>();
            known.forEach(rule -> gone.add(rule.id()));
            rules.forEach(rule -> gone.remove(rule.id()));
            known = rules;
            throttle.forget(gone);
        }
        List<Throttle.Match> matches = new ArrayList<>();
        List<NewLog> logs = batch.committed().logs();
        for (int i = 0; i < logs.size(); i++) {
            NewLog entry = logs.get(i);
            ParsedAttributes attributes = new ParsedAttributes();
            for (CompiledRule rule : rules) {
                if (rule.matches(entry, attributes::of)) {
                    matches.add(new Throttle.Match(rule, batch.committed().idOf(i), entry));
                }
            }
        }
        if (!matches.isEmpty()) {
            fires.addAll(throttle.offer(matches));
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
