package io.logcentral.storage.sqlite;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.MinuteSplit;
import java.util.List;

/**
 * How a count over a time range splits between the counts per minute ({@code log_counts}) and the logs themselves:
 * whole minutes from the counts, the ragged ends of the range from the logs.
 *
 * @param firstMinute the first whole minute of the range
 * @param endMinute the minute after the last whole one
 * @param ends the query over each ragged end, to count from the logs
 */
record LogCounts(long firstMinute, long endMinute, List<LogQuery> ends) {

    static final long MINUTE = MinuteSplit.MINUTE;

    static final String MINUTE_OF_TS = MinuteSplit.MINUTE_OF_TS;

    /** {@link MinuteSplit#of}, the same split on every store. */
    static LogCounts split(LogQuery query) {
        MinuteSplit split = MinuteSplit.of(query);
        return split == null ? null : new LogCounts(split.firstMinute(), split.endMinute(), split.ends());
    }
}
