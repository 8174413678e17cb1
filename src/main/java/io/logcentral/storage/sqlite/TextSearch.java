package io.logcentral.storage.sqlite;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.StoredLog;
import io.logcentral.storage.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page of searches by word, request id, trace id or attribute, in (timestamp, id) order without reading or sorting
 * every match. The block filters ({@link BlockFilters}) name the granules of ids that may hold every value asked for,
 * and each log read there is checked against the whole query ({@link MatchFunction} for the words); sorting all
 * matches by time costs about 100 ms at 5 million logs. So the search reads the matches of a few blocks of ids at a time, the blocks that may hold the newest
 * logs first (oldest for ascending order), twice as many blocks each round, and stops once no block left can hold a
 * log that would make the page. Logs mostly arrive in time order, so a common word is answered from the newest block
 * or two, and a rare word or an id in a dozen rounds of cheap index lookups.
 */
final class TextSearch {

    /** Past this many logs to keep (limit plus offset), one query sorts every match instead. */
    private static final int MAX_KEPT = 10_000;

    private static final int MAX_BLOCKS_PER_ROUND = 512;

    /** Id ranges one statement reads at most: SQLite plans each as a range of its own. */
    static final int RANGES_PER_READ = 100;

    /**
     * Past this share of the granules of a query's time range picked by the filters, a search walks the (timestamp, id)
     * order of an index as a query without words or ids would, checking each log, and stops at a page: a word common
     * enough to be in most granules is found in a few logs of that walk, while reading whole granules would read
     * thousands of logs of other services to find a page of one.
     */
    private static final double DENSE = 0.5;

    private final JdbcClient jdbc;
    private final RowMapper<StoredLog> mapper;
    private final UnwrittenFilters unwritten;

    TextSearch(JdbcClient jdbc, RowMapper<StoredLog> mapper, UnwrittenFilters unwritten) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.unwritten = unwritten;
    }

    List<StoredLog> find(LogQuery query) {
        long fromTs = fromTs(query);
        long toTs = toTs(query);
        long kept = query.limit() + query.offset();
        if (kept > MAX_KEPT) {
            IdRange span = LogBlocks.span(jdbc, fromTs, toTs);
            return span.last() < span.first() ? List.of() : page(query, List.of(span));
        }
        Candidates candidates = candidates(query, query.ascending());
        if (candidates.share() >= DENSE) {
            return list(LogSearchSql.select(query), query);
        }
        int wanted = (int) kept;
        Comparator<StoredLog> order = Comparator.comparing(StoredLog::timestamp).thenComparingLong(StoredLog::id);
        if (!query.ascending()) {
            order = order.reversed();
        }
        LogQuery perRange = query.next(query.after(), wanted, 0);
        Map<Long, Integer> granules = candidates.granules();
        List<LogBlocks.Block> blocks = candidates.blocks();
        List<StoredLog> found = new ArrayList<>();
        int next = 0;
        int round = 1;
        while (next < blocks.size() && !(found.size() == wanted && beyond(blocks.get(next), found, query))) {
            List<LogBlocks.Block> group = blocks.subList(next, Math.min(blocks.size(), next + round));
            List<IdRange> ranges = LogBlocks.ranges(group, granules);
            for (int i = 0; i < ranges.size(); i += RANGES_PER_READ) {
                found.addAll(page(perRange, ranges.subList(i, Math.min(ranges.size(), i + RANGES_PER_READ))));
            }
            found.sort(order);
            if (found.size() > wanted) {
                found.subList(wanted, found.size()).clear();
            }
            next += group.size();
            round = Math.min(round * 2, MAX_BLOCKS_PER_ROUND);
        }
        return List.copyOf(found.subList((int) Math.min(query.offset(), found.size()), found.size()));
    }

    /**
     * The id ranges that may hold a log matching {@code query}, for counting: the granules its filters pick in the
     * blocks of its time range, and whole blocks that have no filters yet. Null when the filters cannot narrow it.
     */
    List<IdRange> candidateRanges(LogQuery query) {
        if (!answers(query)) {
            return null;
        }
        Candidates candidates = candidates(query, true);
        return LogBlocks.ranges(candidates.blocks(), candidates.granules());
    }

    /**
     * The blocks of the query's time range that may hold a match, in the order asked, and of those that have filters
     * the granules that may ({@link BlockFilters#candidates}); a block without filters is left whole. {@code share}:
     * the granules left of all those of the range.
     */
    private record Candidates(List<LogBlocks.Block> blocks, Map<Long, Integer> granules, double share) {}

    private Candidates candidates(LogQuery query, boolean ascending) {
        List<List<BlockFilters.Probe>> probes = BlockFilters.probes(query);
        Map<Long, Integer> granules =
                probes.isEmpty() ? Map.of() : BlockFilters.candidates(jdbc, probes, unwritten.now());
        List<LogBlocks.Block> overlapping = LogBlocks.overlapping(jdbc, fromTs(query), toTs(query), ascending);
        List<LogBlocks.Block> blocks = new ArrayList<>();
        long picked = 0;
        for (LogBlocks.Block block : overlapping) {
            int blockGranules = granules.getOrDefault(block.number(), BlockFilters.ALL_GRANULES);
            if (blockGranules != 0) {
                blocks.add(block);
                picked += Integer.bitCount(blockGranules);
            }
        }
        double share = overlapping.isEmpty() ? 0 : (double) picked / (overlapping.size() * BlockFilters.GRANULES);
        return new Candidates(blocks, granules, share);
    }

    /** Whether a query is one this search answers: it asks for values the block filters know. */
    static boolean answers(LogQuery query) {
        return !BlockFilters.probes(query).isEmpty();
    }

    /** Whether every log of this block, and so of every block after it, sorts after the last one found. */
    private static boolean beyond(LogBlocks.Block block, List<StoredLog> found, LogQuery query) {
        long last = Timestamps.toMicros(found.get(found.size() - 1).timestamp());
        return query.ascending() ? block.minTs() > last : block.maxTs() < last;
    }

    private List<StoredLog> page(LogQuery query, List<IdRange> ranges) {
        return list(LogSearchSql.within(query, ranges), query);
    }

    private List<StoredLog> list(LogSearchSql sql, LogQuery query) {
        return jdbc.sql(sql.text(query)).params(sql.params(query)).query(mapper).list();
    }

    static long fromTs(LogQuery query) {
        long from = query.timestampFrom() == null ? Long.MIN_VALUE : Timestamps.toMicros(query.timestampFrom());
        if (query.after() != null && query.ascending()) {
            from = Math.max(from, Timestamps.toMicros(query.after().timestamp()));
        }
        return from;
    }

    static long toTs(LogQuery query) {
        long to = query.timestampTo() == null ? Long.MAX_VALUE : Timestamps.toMicros(query.timestampTo());
        if (query.after() != null && !query.ascending()) {
            to = Math.min(to, Timestamps.toMicros(query.after().timestamp()));
        }
        return to;
    }
}
