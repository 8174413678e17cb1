package io.logcentral.storage.sqlite;

import io.logcentral.storage.MinuteSplit;

/** The counts per minute ({@code log_counts}) in this store's SQL: the same minute as {@link MinuteSplit}'s. */
final class LogCounts {

    static final long MINUTE = MinuteSplit.MINUTE;

    static final String MINUTE_OF_TS = MinuteSplit.MINUTE_OF_TS;

    private LogCounts() {}
}
