package io.logcentral.storage.sqlite;

import io.logcentral.storage.AlertThrottleStore;
import io.logcentral.storage.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Alert throttle state in this process's memory: SQLite has one process, so nothing needs sharing and nothing costs a
 * round trip. Used by the evaluating thread only.
 */
@Component
@SqliteStore
public final class InMemoryAlertThrottle implements AlertThrottleStore {

    private record QuietKey(long rule, String service, Severity severity) {}

    private record WindowKey(long rule, String service) {}

    /** The matches one batch added at one time: a window holds one slot a batch, not one a match. */
    private record Slot(Instant at, long count) {}

    private static final class Window {
        final ArrayDeque<Slot> slots = new ArrayDeque<>();
        long total;
    }

    private static final class Quiet {
        Instant until;
        Duration cooldown;
        int held;
        long latestLogId;
    }

    /** Windows are at most a day long: what is older is never asked about again. */
    private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

    private final Map<QuietKey, Quiet> quiet = new HashMap<>();
    private final Map<WindowKey, Window> windows = new HashMap<>();
    private final Clock clock;

    public InMemoryAlertThrottle(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long[] addToWindows(List<WindowAdd> adds) {
        Instant now = clock.instant();
        long[] counts = new long[adds.size()];
        for (int i = 0; i < adds.size(); i++) {
            WindowAdd add = adds.get(i);
            Window window = windows.computeIfAbsent(new WindowKey(add.rule(), add.service()), k -> new Window());
            Instant start = now.minus(add.window());
            while (!window.slots.isEmpty() && !window.slots.peekFirst().at().isAfter(start)) {
                window.total -= window.slots.removeFirst().count();
            }
            window.slots.addLast(new Slot(now, add.count()));
            window.total += add.count();
            counts[i] = window.total;
        }
        return counts;
    }

    @Override
    public List<Claim> offer(List<Offer> offers) {
        Instant now = clock.instant();
        List<Claim> claims = new ArrayList<>(offers.size());
        for (Offer offer : offers) {
            Quiet state = quiet.computeIfAbsent(
                    new QuietKey(offer.rule(), offer.service(), offer.severity()), k -> new Quiet());
            if (state.until != null && now.isBefore(state.until)) {
                state.held += offer.count();
                state.latestLogId = Math.max(state.latestLogId, offer.latestLogId());
                claims.add(new Claim(false, 0));
                continue;
            }
            int more = state.until == null ? 0 : state.held;
            state.until = now.plus(offer.cooldown());
            state.cooldown = offer.cooldown();
            state.held = offer.count() - 1;
            state.latestLogId = offer.latestLogId();
            claims.add(new Claim(true, more));
        }
        return claims;
    }

    @Override
    public List<Ended> takeEnded(Set<Long> rules) {
        Instant now = clock.instant();
        List<Ended> ended = new ArrayList<>();
        for (Iterator<Map.Entry<QuietKey, Quiet>> it = quiet.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<QuietKey, Quiet> entry = it.next();
            Quiet state = entry.getValue();
            if (now.isBefore(state.until)) {
                continue;
            }
            if (state.held == 0) {
                it.remove();
                continue;
            }
            QuietKey key = entry.getKey();
            if (!rules.contains(key.rule())) {
                continue;
            }
            ended.add(new Ended(key.rule(), key.service(), key.severity(), state.held, state.latestLogId));
            state.until = now.plus(state.cooldown);
            state.held = 0;
        }
        Instant oldest = now.minus(LONGEST_WINDOW);
        windows.values()
                .removeIf(window ->
                        window.slots.isEmpty() || window.slots.peekLast().at().isBefore(oldest));
        return ended;
    }

    @Override
    public void forget(Set<Long> rules) {
        quiet.keySet().removeIf(key -> rules.contains(key.rule()));
        windows.keySet().removeIf(key -> rules.contains(key.rule()));
    }
}
