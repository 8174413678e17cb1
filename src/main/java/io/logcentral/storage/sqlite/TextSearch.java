package io.logcentral.storage.sqlite;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.StoredLog;
import io.logcentral.storage.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page of full-text matches in (timestamp, id) order without sorting every match. FTS5 yields its matches cheaply
 * for a range of ids, and sorting all of them by time costs about 100 ms at 5 million logs. So the search reads the
 * matches of a few blocks of ids at a time, the blocks that may hold the newest logs first (oldest for ascending
 * order), twice as many blocks each round, and stops once no block left can hold a log that would make the page.
 * Logs mostly arrive in time order, so a common word is answered from the newest block or two, and a rare word in a
 * dozen rounds of cheap index lookups.
 */
final class TextSearch {

    /** Past this many logs to keep (limit plus offset), one query sorts every match instead. */
    private static final int MAX_KEPT = 10_000;

    private static final int MAX_BLOCKS_PER_ROUND = 512;

    private final JdbcClient jdbc;
    private final RowMapper<StoredLog> mapper;

    TextSearch(JdbcClient jdbc, RowMapper<StoredLog> mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    List<StoredLog> find(LogQuery query) {
        long fromTs = fromTs(query);
        long toTs = toTs(query);
        long kept = query.limit() + query.offset();
        if (kept > MAX_KEPT) {
            return page(query, LogBlocks.span(jdbc, fromTs, toTs));
        }
        int wanted = (int) kept;
        Comparator<StoredLog> order = Comparator.comparing(StoredLog::timestamp).thenComparingLong(StoredLog::id);
        if (!query.ascending()) {
            order = order.reversed();
        }
        LogQuery perRange = query.next(query.after(), wanted, 0);
        List<LogBlocks.Block> blocks = LogBlocks.overlapping(jdbc, fromTs, toTs, query.ascending());
        List<StoredLog> found = new ArrayList<>();
        int next = 0;
        int round = 1;
        while (next < blocks.size() && !(found.size() == wanted && beyond(blocks.get(next), found, query))) {
            List<LogBlocks.Block> group = blocks.subList(next, Math.min(blocks.size(), next + round));
            for (IdRange range : LogBlocks.ranges(group)) {
                found.addAll(page(perRange, range));
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

    /** Whether every log of this block, and so of every block after it, sorts after the last one found. */
    private static boolean beyond(LogBlocks.Block block, List<StoredLog> found, LogQuery query) {
        long last = Timestamps.toMicros(found.get(found.size() - 1).timestamp());
        return query.ascending() ? block.minTs() > last : block.maxTs() < last;
    }

    private List<StoredLog> page(LogQuery query, IdRange ids) {
        LogSearchSql sql = LogSearchSql.select(query, ids);
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
