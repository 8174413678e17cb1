package io.logcentral.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a count over a time range splits between a store's counts per minute ({@code log_counts}) and the logs
 * themselves: whole minutes from the counts, the ragged ends of the range from the logs. The same on every store.
 *
 * @param firstMinute the first whole minute of the range
 * @param endMinute the minute after the last whole one
 * @param ends the query over each ragged end, to count from the logs
 */
public record MinuteSplit(long firstMinute, long endMinute, List<LogQuery> ends) {

    public static final long MINUTE = 60_000_000L;

    /**
     * The minute of a log's {@code ts} in SQL (SQLite's and PostgreSQL's alike), rounded down for times before 1970
     * too: the writer counts logs under it and retention takes them off under it, so both must say it the same way.
     */
    public static final String MINUTE_OF_TS =
            "(ts - ((ts % " + MINUTE + ") + " + MINUTE + ") % " + MINUTE + ") / " + MINUTE;

    /**
     * The split of {@code query}'s range, or null when the counts cannot answer it: they know only time, service and
     * severity, so any other filter, or a range without a whole minute, counts logs.
     */
    public static MinuteSplit of(LogQuery query) {
        if (query.text() != null
                || query.requestId() != null
                || query.traceId() != null
                || !query.attributes().isEmpty()
                || query.receivedFrom() != null
                || query.receivedTo() != null
                || query.after() != null
                || query.timestampFrom() == null
                || query.timestampTo() == null) {
            return null;
        }
        long from = Timestamps.toMicros(query.timestampFrom());
        long to = Timestamps.toMicros(query.timestampTo());
        long first = Math.floorDiv(from + MINUTE - 1, MINUTE);
        long end = Math.floorDiv(to + 1, MINUTE);
        if (first >= end) {
            return null;
        }
        List<LogQuery> ends = new ArrayList<>(2);
        if (from < first * MINUTE) {
            ends.add(query.within(query.timestampFrom(), Timestamps.fromMicros(first * MINUTE - 1)));
        }
        if (end * MINUTE <= to) {
            ends.add(query.within(Timestamps.fromMicros(end * MINUTE), query.timestampTo()));
        }
        return new MinuteSplit(first, end, ends);
    }

    /**
     * Counts over {@code query} on any store: when the counts per minute can answer, whole minutes from them and the
     * ragged ends from the logs, all inside {@code oneSnapshot} so the two see one state; otherwise from the logs.
     *
     * @param fromMinutes the counts of the split's whole minutes
     * @param fromLogs the counts of a query's logs
     * @param oneSnapshot runs its argument in one read transaction of the store
     */
    public static <T> List<T> count(
            LogQuery query,
            Function<MinuteSplit, List<T>> fromMinutes,
            Function<LogQuery, List<T>> fromLogs,
            Function<Supplier<List<T>>, List<T>> oneSnapshot) {
        MinuteSplit split = of(query);
        if (split == null) {
            return fromLogs.apply(query);
        }
        return oneSnapshot.apply(() -> {
            List<T> counts = new ArrayList<>(fromMinutes.apply(split));
            for (LogQuery end : split.ends()) {
                counts.addAll(fromLogs.apply(end));
            }
            return counts;
        });
    }
}
