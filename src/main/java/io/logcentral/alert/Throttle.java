package io.logcentral.alert;

import io.logcentral.storage.AlertThrottleStore;
import io.logcentral.storage.AlertThrottleStore.Claim;
import io.logcentral.storage.AlertThrottleStore.Ended;
import io.logcentral.storage.AlertThrottleStore.Offer;
import io.logcentral.storage.AlertThrottleStore.WindowAdd;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StoredLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Which matches become notifications: a threshold rule waits for more than {@code threshold} matches in its sliding
 * window (per rule and service), and after each notification a cooldown per rule, service and severity holds the
 * next ones back, counting them. When a cooldown ends with matches held back, the latest of them is sent with the
 * count of the others, so a burst is summarised rather than lost. The state lives in the store
 * ({@link AlertThrottleStore}), so replicas on one database count and cool down together; a batch of matches costs
 * one call for the windows and one for the cooldowns. Used by the evaluating thread only.
 */
final class Throttle {

    /** A log a rule matched. */
    record Match(CompiledRule rule, long logId, NewLog log) {}

    /** A match to notify, and how many others it stands for. */
    record Fire(Match match, int more) {}

    private record QuietKey(long rule, String service, Severity severity) {}

    private record WindowKey(long rule, String service) {}

    /** The matches of one cooldown in a batch, in log order. */
    private static final class Offered {
        Match first;
        Match latest;
        int count;
    }

    private final AlertThrottleStore store;
    private final LongFunction<Optional<StoredLog>> stored;
    private final Clock clock;
    private final Runnable onHeld;
    /** The latest match held back per cooldown that this replica saw, so a summary rarely reads the log back. */
    private final Map<QuietKey, Match> latestHeld = new HashMap<>();

    /**
     * @param stored reads a held log that another replica saw
     * @param onHeld told of each match a cooldown holds back
     */
    Throttle(AlertThrottleStore store, LongFunction<Optional<StoredLog>> stored, Clock clock, Runnable onHeld) {
        this.store = store;
        this.stored = stored;
        this.clock = clock;
        this.onHeld = onHeld;
    }

    /** The notifications that {@code matches}, in log order, cause now. */
    List<Fire> offer(List<Match> matches) {
        boolean[] passed = passThresholds(matches);
        Map<QuietKey, Offered> offered = new LinkedHashMap<>();
        for (int i = 0; i < matches.size(); i++) {
            if (passed[i]) {
                Match match = matches.get(i);
                Offered o = offered.computeIfAbsent(quietKey(match), k -> new Offered());
                if (o.first == null) {
                    o.first = match;
                }
                o.latest = match;
                o.count++;
            }
        }
        if (offered.isEmpty()) {
            return List.of();
        }
        List<Offer> offers = offered.entrySet().stream()
                .map(e -> new Offer(
                        e.getKey().rule(),
                        e.getKey().service(),
                        e.getKey().severity(),
                        e.getValue().count,
                        e.getValue().latest.logId(),
                        e.getValue().first.rule().cooldown(e.getKey().severity())))
                .toList();
        List<Claim> claims = store.offer(offers);
        List<Fire> fires = new ArrayList<>();
        int i = 0;
        for (Map.Entry<QuietKey, Offered> entry : offered.entrySet()) {
            Claim claim = claims.get(i++);
            Offered o = entry.getValue();
            if (claim.told()) {
                fires.add(new Fire(o.first, claim.more()));
            }
            int held = o.count - (claim.told() ? 1 : 0);
            if (held > 0) {
                latestHeld.put(entry.getKey(), o.latest);
            }
            for (int h = 0; h < held; h++) {
                onHeld.run();
            }
        }
        return fires;
    }

    /** Summaries of the cooldowns of {@code rules} that ended with matches held back. */
    List<Fire> ended(List<CompiledRule> rules) {
        Map<Long, CompiledRule> byId = rules.stream().collect(Collectors.toMap(CompiledRule::id, rule -> rule));
        List<Fire> fires = new ArrayList<>();
        for (Ended ended : store.takeEnded(byId.keySet())) {
            CompiledRule rule = byId.get(ended.rule());
            QuietKey key = new QuietKey(ended.rule(), ended.service(), ended.severity());
            Match seen = latestHeld.remove(key);
            Match latest = seen != null && seen.logId() == ended.latestLogId() ? seen : readBack(rule, ended);
            fires.add(new Fire(latest, ended.held() - 1));
        }
        return fires;
    }

    /** Drops the state of rules deleted or disabled. */
    void forget(Set<Long> rules) {
        if (rules.isEmpty()) {
            return;
        }
        store.forget(rules);
        latestHeld.keySet().removeIf(key -> rules.contains(key.rule()));
    }

    /**
     * Which matches a threshold lets through: with {@code total} matches in the window after a batch added {@code n},
     * its i-th match (from 1) was the {@code total - n + i}-th, and passes when that is more than the threshold.
     */
    private boolean[] passThresholds(List<Match> matches) {
        boolean[] passed = new boolean[matches.size()];
        Map<WindowKey, List<Integer>> windowed = new LinkedHashMap<>();
        for (int i = 0; i < matches.size(); i++) {
            CompiledRule rule = matches.get(i).rule();
            if (rule.threshold() == null) {
                passed[i] = true;
            } else {
                String service = CompiledRule.folded(matches.get(i).log().service());
                windowed.computeIfAbsent(new WindowKey(rule.id(), service), k -> new ArrayList<>())
                        .add(i);
            }
        }
        if (windowed.isEmpty()) {
            return passed;
        }
        List<WindowAdd> adds = windowed.entrySet().stream()
                .map(e -> new WindowAdd(
                        e.getKey().rule(),
                        e.getKey().service(),
                        e.getValue().size(),
                        matches.get(e.getValue().get(0)).rule().window()))
                .toList();
        long[] totals = store.addToWindows(adds);
        int w = 0;
        for (List<Integer> indexes : windowed.values()) {
            long total = totals[w];
            int threshold = matches.get(indexes.get(0)).rule().threshold();
            for (int i = 0; i < indexes.size(); i++) {
                passed[indexes.get(i)] = total - indexes.size() + i + 1 > threshold;
            }
            w++;
        }
        return passed;
    }

    /** The held log another replica saw, as the store keeps it; a stand-in when it is gone already. */
    private Match readBack(CompiledRule rule, Ended ended) {
        NewLog log = stored.apply(ended.latestLogId())
                .map(s -> new NewLog(
                        s.timestamp(),
                        s.receivedAt(),
                        s.service(),
                        s.severity(),
                        s.message(),
                        s.requestId(),
                        s.traceId(),
                        s.spanId(),
                        s.host(),
                        s.attributesJson()))
                .orElseGet(() -> {
                    Instant now = clock.instant();
                    return new NewLog(
                            now,
                            now,
                            ended.service(),
                            ended.severity(),
                            "(log " + ended.latestLogId() + " is no longer stored)",
                            null,
                            null,
                            null,
                            null,
                            "{}");
                });
        return new Match(rule, ended.latestLogId(), log);
    }

    private static QuietKey quietKey(Match match) {
        return new QuietKey(
                match.rule().id(),
                CompiledRule.folded(match.log().service()),
                match.log().severity());
    }
}
