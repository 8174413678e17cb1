package io.logcentral.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** What fills the store, cheap enough to read on demand within a time budget. */
public interface StorageReport {

    /** Logs of one service and severity. */
    record Count(String service, Severity severity, long logs) {}

    /** Logs whose timestamp falls on one day (UTC). */
    record Day(LocalDate day, long logs) {}

    /** Logs a rule lets go now, to the minute. */
    record Due(long logs, Instant oldest) {}

    /** Runs {@code reads} within {@code budget}; past it a {@link org.springframework.dao.QueryTimeoutException}. */
    <T> T within(Duration budget, Supplier<T> reads);

    List<Count> counts();

    /** Logs per day of their timestamp, for the days from {@code from} on. */
    List<Day> perDay(LocalDate from);

    /** The oldest timestamp stored, null when there is no log. */
    Instant oldest();

    /** The messages of the newest {@code count} logs. */
    List<String> newestMessages(int count);

    /** Space inside the store freed by deletes and reused for new logs, in bytes. */
    long reusableBytes();

    /** For each rule, most specific first, the logs it lets go now (to the minute) and the oldest of them. */
    List<Due> due(List<Expiry> rules);
}
