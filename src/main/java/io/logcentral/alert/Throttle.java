package io.logcentral.alert;

import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which matches become notifications: a threshold rule waits for more than {@code threshold} matches in its sliding
 * window (per rule and service), and after each notification a cooldown per rule, service and severity holds the
 * next ones back, counting them. When a cooldown ends with matches held back, the latest of them is sent with the
 * count of the others, so a burst is summarised rather than lost. Used by the evaluating thread only.
 */
final class Throttle {

    /** A log a rule matched. */
    record Match(CompiledRule rule, long logId, NewLog log) {}

    /** A match to notify, and how many others it stands for. */
    record Fire(Match match, int more) {}

    private record QuietKey(long rule, String service, Severity severity) {}

    private record WindowKey(long rule, String service) {}

    private static final class Quiet {
        Instant until;
        int held;
        Match latest;
    }

    private final Map<QuietKey, Quiet> quiet = new HashMap<>();
    private final Map<WindowKey, ArrayDeque<Instant>> windows = new HashMap<>();
    private final Runnable onHeld;

    /** @param onHeld told of each match a cooldown holds back */
    Throttle(Runnable onHeld) {
        this.onHeld = onHeld;
    }

    /** The notification this match causes now, if any. */
    Optional<Fire> offer(Match match, Instant now) {
        CompiledRule rule = match.rule();
        String service = CompiledRule.folded(match.log().service());
        if (rule.threshold() != null && !overThreshold(new WindowKey(rule.id(), service), rule, now)) {
            return Optional.empty();
        }
        Severity severity = match.log().severity();
        Quiet state = quiet.computeIfAbsent(new QuietKey(rule.id(), service, severity), k -> new Quiet());
        if (state.until != null && now.isBefore(state.until)) {
            state.held++;
            state.latest = match;
            onHeld.run();
            return Optional.empty();
        }
        state.until = now.plus(rule.cooldown(severity));
        state.held = 0;
        state.latest = null;
        return Optional.of(new Fire(match, 0));
    }

    /** Summaries of the cooldowns that ended with matches held back; forgets quiet and empty state. */
    List<Fire> ended(Instant now) {
        List<Fire> fires = new ArrayList<>();
        for (Iterator<Quiet> it = quiet.values().iterator(); it.hasNext(); ) {
            Quiet state = it.next();
            if (now.isBefore(state.until)) {
                continue;
            }
            if (state.held == 0) {
                it.remove();
                continue;
            }
            fires.add(new Fire(state.latest, state.held - 1));
            state.until =
                    now.plus(state.latest.rule().cooldown(state.latest.log().severity()));
            state.held = 0;
            state.latest = null;
        }
        windows.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(Duration.ofDays(1))));
        return fires;
    }

    /** Drops the state of deleted rules. */
    void keepOnly(Set<Long> rules) {
        quiet.keySet().removeIf(key -> !rules.contains(key.rule()));
        windows.keySet().removeIf(key -> !rules.contains(key.rule()));
    }

    private boolean overThreshold(WindowKey key, CompiledRule rule, Instant now) {
        ArrayDeque<Instant> times = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        Instant start = now.minus(rule.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.removeFirst();
        }
        // Only the newest threshold + 1 matters to the question asked.
        while (times.size() > rule.threshold() + 1) {
            times.removeFirst();
        }
        return times.size() > rule.threshold();
    }
}
