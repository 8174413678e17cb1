package io.logcentral.storage.sqlite;

import io.logcentral.storage.StorageProperties;

/**
 * How long the write-ahead log grows before the committing connection copies it into the store. A longer round copies
 * each page written again and again (the right edge of the table and of its indexes) once instead of several times:
 * the writer alone stored 2 M logs in 17.3 s with 16,000 pages against 19.3 s with SQLite's 1,000 (bench/GenerateLogs).
 *
 * <p>The log is bounded by the disk guard's reserve, because deleting logs cannot shrink it: a round is at most an
 * eighth of the sizes in {@code logcentral.storage.min-free} (its percentages count as nothing, so the bound holds on
 * any disk), and SQLite truncates the file back to two rounds whenever it starts over, so a log that a long read kept
 * from starting over does not keep its largest size. The default reserve (at least 1 GB) gives the longest round.
 */
final class WalRound {

    static final int SQLITE_DEFAULT_PAGES = 1000;
    static final int LONGEST_PAGES = 16_000;
    /** SQLite's default page size, which every store here has. */
    static final int PAGE_BYTES = 4096;

    private WalRound() {}

    static int pages(StorageProperties.Store storage) {
        long eighth = storage.reserveBytes(0) / 8 / PAGE_BYTES;
        return (int) Math.max(SQLITE_DEFAULT_PAGES, Math.min(LONGEST_PAGES, eighth));
    }

    /** The size the file is cut back to when the log starts over. */
    static int fileLimitBytes(StorageProperties.Store storage) {
        return 2 * pages(storage) * PAGE_BYTES;
    }
}
