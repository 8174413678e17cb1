package io.logcentral.storage.sqlite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event time range of each block of 4096 consecutive ids, kept by the writer in {@code log_blocks}. Logs mostly
 * arrive in time order, so a time range maps to few blocks, and a block's range bounds the timestamps it can hold.
 */
final class LogBlocks {

    static final int BITS = 12;

    /** One block: ids {@code number << BITS} and the 4095 after it, timestamps from minTs to maxTs (micros). */
    record Block(long number, long minTs, long maxTs) {}

    private LogBlocks() {}

    /** The blocks holding a log with a timestamp in {@code fromTs..toTs}, newest maxTs first or oldest minTs first. */
    static List<Block> overlapping(JdbcClient jdbc, long fromTs, long toTs, boolean ascending) {
        return jdbc.sql("SELECT block, min_ts, max_ts FROM log_blocks WHERE max_ts >= ? AND min_ts <= ? ORDER BY "
                        + (ascending ? "min_ts, block" : "max_ts DESC, block DESC"))
                .params(fromTs, toTs)
                .query((rs, row) -> new Block(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The ids of every block holding a log with a timestamp in {@code fromTs..toTs}, and of the blocks between. */
    static IdRange span(JdbcClient jdbc, long fromTs, long toTs) {
        return jdbc.sql("SELECT MIN(block), MAX(block) FROM log_blocks WHERE max_ts >= ? AND min_ts <= ?")
                .params(fromTs, toTs)
                .query((rs, row) -> rs.getObject(1) == null
                        ? new IdRange(1, 0)
                        : new IdRange(rs.getLong(1) << BITS, ((rs.getLong(2) + 1) << BITS) - 1))
                .single();
    }

    /**
     * The id ranges of these blocks, neighbours joined: of each block the granules {@code granules} names for it, the
     * whole block when it names none ({@link BlockFilters#candidates}).
     */
    static List<IdRange> ranges(List<Block> blocks, Map<Long, Integer> granules) {
        List<IdRange> pieces = new ArrayList<>();
        for (Block block : blocks) {
            int picked = granules.getOrDefault(block.number(), BlockFilters.ALL_GRANULES);
            for (int g = 0; g < BlockFilters.GRANULES; g++) {
                if ((picked & (1 << g)) != 0) {
                    long first = (block.number() << BITS) + ((long) g << BlockFilters.GRANULE_BITS);
                    pieces.add(new IdRange(first, first + (1 << BlockFilters.GRANULE_BITS) - 1));
                }
            }
        }
        pieces.sort(Comparator.comparingLong(IdRange::first));
        List<IdRange> ranges = new ArrayList<>();
        for (IdRange piece : pieces) {
            IdRange last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last.last() + 1 == piece.first()) {
                ranges.set(ranges.size() - 1, new IdRange(last.first(), piece.last()));
            } else {
                ranges.add(piece);
            }
        }
        return ranges;
    }
}
