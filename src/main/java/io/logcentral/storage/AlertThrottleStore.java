package io.logcentral.storage;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The state behind alert cooldowns and threshold windows. SQLite serves one process and keeps it in memory; PostgreSQL
 * keeps it in the database and decides in single statements, so replicas on one database count together and never
 * both tell the same burst. Every call takes what a whole batch of logs asks, so a batch costs one round trip a call.
 *
 * <p>Time is the server's {@code Clock} bean. PostgreSQL decides on the database's clock instead while that bean is
 * the system clock, so replicas whose clocks disagree still agree on when a cooldown ends; a test that puts a clock it
 * moves in its place is obeyed on both stores.
 */
public interface AlertThrottleStore {

    /**
     * Matches a batch adds to the sliding window of a rule and service.
     *
     * @param service as the rules compare it (lower case)
     */
    record WindowAdd(long rule, String service, int count, Duration window) {}

    /** For each add, in order: the matches in its window now, its own included. */
    long[] addToWindows(List<WindowAdd> adds);

    /**
     * The matches of one rule, service and severity a batch offers for telling.
     *
     * @param count how many, at least one; the first of them is the one told when the cooldown is free
     * @param latestLogId the newest of them, which a summary would tell
     * @param cooldown how long telling it keeps the next ones back
     */
    record Offer(long rule, String service, Severity severity, int count, long latestLogId, Duration cooldown) {}

    /**
     * What became of an offer: every match not told is held back and counted.
     *
     * @param told whether its first match is told now: the cooldown was free, and this call alone took it
     * @param more matches an ended cooldown still held, which the told match speaks for too (0 when not told)
     */
    record Claim(boolean told, int more) {}

    /** For each offer, in order. */
    List<Claim> offer(List<Offer> offers);

    /** A cooldown of one of the caller's rules that ended holding matches; this call alone took its summary. */
    record Ended(long rule, String service, Severity severity, int held, long latestLogId) {}

    /**
     * The cooldowns of {@code rules} that ended with matches held back; each starts a new cooldown, as telling its
     * summary does. State of cooldowns that ended quietly and of windows past their length is forgotten.
     */
    List<Ended> takeEnded(Set<Long> rules);

    /** Drops the state of rules that were deleted or disabled. */
    void forget(Set<Long> rules);
}
