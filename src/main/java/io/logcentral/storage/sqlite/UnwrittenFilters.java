package io.logcentral.storage.sqlite;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Component;

/**
 * The filters of whole blocks the writer has sealed but not yet written to {@code log_filters}, which it writes
 * {@link #BLOCKS_PER_WRITE} blocks at a time, a slice of segments a commit ({@code SqliteLogWriter#writing}): the
 * table is segment-major, so one block's rows land in 1,024 places of it, a page each, and writing them block by block
 * cost the writer's commits about a kilobyte of pages a log. Readers look here beside the table. A block in neither
 * place is read whole, so whatever a reader sees of a block moving from here to the table, it misses no log; a block
 * lost here (the server killed) has no segment-0 row, and {@link BlockFilterFiller} fills it in from its logs.
 */
@Component
@SqliteStore
class UnwrittenFilters {

    /**
     * 64 blocks (about 8 MB of filter words held here): each segment then gets about two pages of new rows a write,
     * where 16 blocks' filled half of one and still dirtied it. The writer alone stored 6.5 % more logs a second
     * (bench rows, 3 M logs, medians of 4 alternated runs: 142,700 against 134,000). A process killed loses at most
     * this many blocks' filters, which searches then read whole until the filler has them back.
     */
    static final int BLOCKS_PER_WRITE = 64;

    /** Block number to its filter words, as {@link BlockFilters.Builder} lays them out; never changed once added. */
    private final ConcurrentSkipListMap<Long, long[]> blocks = new ConcurrentSkipListMap<>();

    private volatile long lastAddedNanos = System.nanoTime();

    void add(Map<Long, long[]> sealed) {
        blocks.putAll(sealed);
        if (!sealed.isEmpty()) {
            lastAddedNanos = System.nanoTime();
        }
    }

    /** After the transaction that wrote them to the table committed. */
    void written(Collection<Long> written) {
        blocks.keySet().removeAll(written);
    }

    /** Those unwritten now; any mix of before and after a concurrent change is safe to read (see above). */
    Map<Long, long[]> now() {
        return new TreeMap<>(blocks);
    }

    boolean contains(long block) {
        return blocks.containsKey(block);
    }

    int size() {
        return blocks.size();
    }

    /** How long ago the writer last sealed a block: the background writes what a pause in ingest leaves here. */
    long millisSinceLastAdded() {
        return (System.nanoTime() - lastAddedNanos) / 1_000_000;
    }
}
