package io.logcentral.storage;

import java.time.Instant;
import java.util.List;

/**
 * Writes to the log store. Only the pipeline's single writer thread (and the maintenance it schedules between batches)
 * calls it, so a store may hand out ids itself; each call is one transaction.
 */
public interface LogWriter {

    /** Answers are forgotten in steps of this many, so forgetting a day of them never holds the writer for long. */
    int ANSWERS_DELETED_AT_ONCE = 1000;

    /**
     * Stores the logs and the answers in one transaction.
     *
     * @return the id of the first log; the others follow it one by one, in the order given
     * @throws StoreUnavailableException when the store refused the transaction; nothing of it was stored
     */
    long insert(List<NewLog> logs, List<PendingAnswer> answers);

    /** Forgets up to {@link #ANSWERS_DELETED_AT_ONCE} answers kept since before {@code before}; returns how many. */
    int deleteAnswersBefore(Instant before);

    /**
     * Deletes up to {@code limit} logs that their retention rule lets go, most specific rule first, with their index
     * entries and counts, in one transaction; returns how many.
     */
    int deleteExpired(List<Expiry> rules, int limit);

    /**
     * Deletes up to {@code limit} of the logs received first, in one transaction, those below {@code ERROR} first:
     * {@code ERROR} and {@code CRITICAL} are kept twice as far back. Returns how many.
     */
    int deleteOldestLowest(int limit);

    /** Space inside the store freed by deletes and reused for new logs before the store grows, in bytes. */
    long reusableBytes();

    /**
     * Gives up to {@code bytes} of that space back to the disk, in one short step; returns the bytes that went (0 for a
     * store whose deletes free the disk by themselves, or that cannot give space back).
     */
    long giveBackSpace(long bytes);
}
