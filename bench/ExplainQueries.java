import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * EXPLAIN QUERY PLAN of the SQL the server runs for each kind of bench/QueryBench.java, with realistic parameters
 * taken from the store, and the time of one run of each statement on this connection (no HTTP, no JSON): the gap to
 * QueryBench's latency is what the server adds around the SQL.
 *
 * <p>The statements are copied from the server's storage package as of commit 1f921f5 (LogSearchSql builds the WHERE
 * clause from the filters in a fixed order; LogReader, TextSearch, LogBlocks and LogCounts run it). When that code
 * changes, change them here too: run the server once with --logging.level.org.springframework.jdbc.core=TRACE and
 * compare. Full-text searches are several statements: TextSearch reads log_blocks, then asks for the matches of the
 * newest blocks first, doubling the blocks each round (1, 2, 4, .. 512) until no remaining block can hold a newer log;
 * those reads say "logs NOT INDEXED" so the ids from the text index drive them. Stats and services read the counts
 * per minute (log_counts, since V5) for the whole minutes of the range and count the logs of its two ragged ends; on
 * a store without log_counts they count logs, as the server did before V5.
 *
 * <p>java -cp sqlite-jdbc.jar bench/ExplainQueries.java <db file>   (opened read-only; the server may be running)
 */
public class ExplainQueries {

    static final String COLUMNS =
            "id, ts, received_at, service, severity, message, request_id, trace_id, span_id, host, attributes";
    static final String PAGE_ORDER = " ORDER BY ts DESC, id DESC LIMIT ? OFFSET ?";
    static final String FTS = "(SELECT rowid FROM logs_fts WHERE logs_fts MATCH ? AND rowid BETWEEN ? AND ?)";
    static final long HOUR = 3600L * 1_000_000;
    static final long MINUTE = 60_000_000L;
    static final int BLOCK_BITS = 12;
    static final int PAGE = 101; // the server asks for one log more than the page, to know whether a next one exists

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp sqlite-jdbc.jar bench/ExplainQueries.java <db file>");
            System.exit(2);
        }
        Path db = Path.of(args[0]);
        // The words GenerateLogs wrote next to the store, when there: a rare and a common word with known counts.
        String rare = "timeout";
        String common = "payment";
        Path words = db.resolveSibling("querybench-words.txt");
        if (Files.exists(words)) {
            for (String line : Files.readAllLines(words)) {
                String[] f = line.split(" ");
                if (f[0].equals("rare") && rare.equals("timeout")) {
                    rare = f[1];
                } else if (f[0].equals("common") && f[1].length() >= 4 && common.equals("payment")) {
                    common = f[1];
                }
            }
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        // The reader pool's settings (SqliteDataSources).
        config.setCacheSize(-16_000);
        config.setTempStore(org.sqlite.SQLiteConfig.TempStore.MEMORY);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), config.toProperties())) {
            ExplainQueries x = new ExplainQueries(c);
            x.explainAll(rare, common);
        }
    }

    final Connection c;

    ExplainQueries(Connection c) {
        this.c = c;
    }

    void explainAll(String rare, String common) throws SQLException {
        long newest = scalar("SELECT MAX(ts) FROM logs");
        long hourEnd = newest - 12 * HOUR;
        long hourStart = hourEnd - HOUR;
        System.out.printf("SQLite %s, %s logs; newest ts %d; the 1 h range is 12 h before the newest log%n",
                string("SELECT sqlite_version()"), scalar("SELECT MAX(id) FROM logs"), newest);

        explain("filtered page: GET /logs?service=payments&severity=ERROR&timestamp_start=..&timestamp_end=.. (1 h)",
                "SELECT " + COLUMNS + " FROM logs WHERE ts >= ? AND ts <= ? AND service IN (?) AND severity IN (?)"
                        + PAGE_ORDER,
                hourStart, hourEnd, "payments", 4, PAGE, 0);

        // Full text: the blocks newest first, then the matches of the newest blocks.
        String blocks = "SELECT block, min_ts, max_ts FROM log_blocks WHERE max_ts >= ? AND min_ts <= ? ORDER BY"
                + " max_ts DESC, block DESC";
        explain("q, step 1 of every search: the blocks that can hold a match, newest first (no time range)",
                blocks, Long.MIN_VALUE, Long.MAX_VALUE);
        long newestBlock = scalar("SELECT block FROM log_blocks ORDER BY max_ts DESC, block DESC LIMIT 1");
        long[] oneBlock = {newestBlock << BLOCK_BITS, ((newestBlock + 1) << BLOCK_BITS) - 1};
        long[] lastRound = {Math.max(0, (newestBlock - 511) << BLOCK_BITS), oneBlock[1]};
        String match = "SELECT " + COLUMNS + " FROM logs NOT INDEXED WHERE id IN " + FTS + PAGE_ORDER;
        explain("q=" + rare + " (rare word), round 1: the newest block", match, quoted(rare), oneBlock[0],
                oneBlock[1], PAGE, 0);
        explain("q=" + rare + " (rare word), a late round: 512 blocks (2 M ids) at once", match, quoted(rare),
                lastRound[0], lastRound[1], PAGE, 0);
        explain("q=" + common + " (common word), round 1: the newest block", match, quoted(common), oneBlock[0],
                oneBlock[1], PAGE, 0);

        long end3am = newest - HOUR;
        long[] span = blockSpan(end3am - HOUR, end3am);
        explain("q=timeout&service=payments&severity=ERROR, 1 h: the blocks of that hour", blocks, end3am - HOUR,
                end3am);
        explain("q=timeout&service=payments&severity=ERROR, 1 h: the matches in every block of the hour",
                "SELECT " + COLUMNS + " FROM logs NOT INDEXED WHERE ts >= ? AND ts <= ? AND service IN (?)"
                        + " AND severity IN (?) AND id IN " + FTS + PAGE_ORDER,
                end3am - HOUR, end3am, "payments", 4, quoted("timeout"), span[0], span[1], PAGE, 0);

        String attribute = "CAST(json_extract(attributes, ?) AS TEXT) = ?";
        explain("attr.user_id=user4242, 1 h",
                "SELECT " + COLUMNS + " FROM logs WHERE ts >= ? AND ts <= ? AND " + attribute + PAGE_ORDER,
                hourStart, hourEnd, "$.\"user_id\"", "user4242", PAGE, 0);
        explain("attr.user_id=user4242, whole store (no range)",
                "SELECT " + COLUMNS + " FROM logs WHERE " + attribute + PAGE_ORDER, "$.\"user_id\"", "user4242",
                PAGE, 0);

        // Stats over 24 h: 5-minute buckets from an origin aligned to 5 minutes (LogStatsController). The range
        // starts and ends inside a minute, as since=24h does.
        long dayStart = newest - 24 * HOUR;
        long width = 5 * 60 * 1_000_000L;
        long origin = Math.floorDiv(dayStart, width) * width;
        String countLogs = "SELECT (ts - ?) / ? AS bucket, severity%s, COUNT(*) AS n FROM logs"
                + " WHERE ts >= ? AND ts <= ? GROUP BY bucket, severity%<s";
        String services = "SELECT service, COUNT(*) AS n, MAX(ts) AS last_ts FROM logs WHERE ts >= ? AND ts <= ?"
                + " GROUP BY service ORDER BY n DESC, service";
        if (scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'log_counts'") == 1) {
            long firstMinute = Math.floorDiv(dayStart + MINUTE - 1, MINUTE);
            long endMinute = Math.floorDiv(newest + 1, MINUTE);
            String countMinutes = "SELECT (minute * " + MINUTE + " - ?) / ? AS bucket, severity%s, SUM(n) AS n"
                    + " FROM log_counts WHERE minute >= ? AND minute < ? GROUP BY bucket, severity%<s";
            explain("stats 24 h: GET /logs/stats?since=24h, the whole minutes", String.format(countMinutes, ""),
                    origin, width, firstMinute, endMinute);
            explain("stats 24 h: the ragged start (then the same for the ragged end)", String.format(countLogs, ""),
                    origin, width, dayStart, firstMinute * MINUTE - 1);
            explain("stats 24 h by service: GET /logs/stats?since=24h&by=service, the whole minutes",
                    String.format(countMinutes, ", service"), origin, width, firstMinute, endMinute);
            explain("services 24 h: GET /logs/services?since=24h, the whole minutes",
                    "SELECT service, SUM(n) AS n, MAX(last_ts) AS last_ts FROM log_counts WHERE minute >= ?"
                            + " AND minute < ? GROUP BY service",
                    firstMinute, endMinute);
            explain("services 24 h: the ragged start (then the same for the ragged end)", services, dayStart,
                    firstMinute * MINUTE - 1);
        } else {
            explain("stats 24 h: GET /logs/stats?since=24h (no log_counts in this store: every log counted)",
                    String.format(countLogs, ""), origin, width, dayStart, newest);
            explain("stats 24 h by service: GET /logs/stats?since=24h&by=service",
                    String.format(countLogs, ", service"), origin, width, dayStart, newest);
            explain("services 24 h: GET /logs/services?since=24h", services, dayStart, newest);
        }

        // Page 51 of service=payments&limit=100: the cursor is the (ts, id) of the 5,000th newest log of payments.
        long[] cursor = row("SELECT ts, id FROM logs WHERE service = 'payments' ORDER BY ts DESC, id DESC"
                + " LIMIT 1 OFFSET 4999");
        explain("Link page 51: GET /logs?service=payments&limit=100&cursor=..",
                "SELECT " + COLUMNS + " FROM logs WHERE service IN (?) AND (ts, id) < (?, ?)" + PAGE_ORDER,
                "payments", cursor[0], cursor[1], PAGE, 0);
        long[] million = row("SELECT ts, id FROM logs ORDER BY ts DESC, id DESC LIMIT 1 OFFSET "
                + Math.min(999_999, scalar("SELECT MAX(id) FROM logs") / 2));
        explain("cursor page 1,000,000 deep (or half the store): GET /logs?limit=100&cursor=..",
                "SELECT " + COLUMNS + " FROM logs WHERE (ts, id) < (?, ?)" + PAGE_ORDER, million[0], million[1],
                PAGE, 0);
        explain("the same page with the keyset the server used before V10's release: not an index range",
                "SELECT " + COLUMNS + " FROM logs WHERE (ts < ? OR (ts = ? AND id < ?))" + PAGE_ORDER, million[0],
                million[0], million[1], PAGE, 0);

        // Lookups without a time range (since V10): one row of log_filters a block for each value asked, then the
        // granules of 256 ids whose filters may hold it, read by id, newest blocks first.
        if (scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'log_filters'") == 1) {
            explain("request_id=<id>, whole store: the filter words of one segment, every block",
                    "SELECT block, bits FROM log_filters WHERE segment = ?", 42);
            long newestId = scalar("SELECT MAX(id) FROM logs");
            explain("request_id=<id>, whole store: two granules that may hold it",
                    "SELECT " + COLUMNS + " FROM logs NOT INDEXED WHERE (id BETWEEN ? AND ? OR id BETWEEN ? AND ?)"
                            + " AND request_id = ?" + PAGE_ORDER,
                    newestId - 5000, newestId - 4745, newestId - 20000, newestId - 19745, "0123456789abcdef",
                    PAGE, 0);
        }

        // Export: chunks of 1,000 (LogExport), the first without a cursor, the next ones past the last log written.
        // QueryBench sends since=1h as timestamp_start..timestamp_end ending at the newest log: both bounds.
        long exportStart = newest - 13 * HOUR;
        long exportEnd = newest - 12 * HOUR;
        explain("export 1 h NDJSON, first chunk: GET /logs?since=1h, Accept: application/x-ndjson",
                "SELECT " + COLUMNS + " FROM logs WHERE ts >= ? AND ts <= ?" + PAGE_ORDER, exportStart, exportEnd,
                1000, 0);
        long[] mid = row("SELECT ts, id FROM logs WHERE ts >= " + exportStart + " AND ts <= " + exportEnd
                + " ORDER BY ts DESC, id DESC LIMIT 1 OFFSET 999");
        explain("export 1 h NDJSON, the next chunks (past the last log written)",
                "SELECT " + COLUMNS + " FROM logs WHERE ts >= ? AND ts <= ? AND (ts, id) < (?, ?)" + PAGE_ORDER,
                exportStart, exportEnd, mid[0], mid[1], 1000, 0);
    }

    /** Prints the statement, its plan as a tree (as the sqlite3 shell does), and the time of one run of it. */
    void explain(String title, String sql, Object... params) throws SQLException {
        System.out.println();
        System.out.println("== " + title);
        System.out.println(sql);
        System.out.println("   params " + Arrays.toString(params));
        try (PreparedStatement plan = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            bind(plan, params);
            Map<Integer, Integer> depth = new HashMap<>();
            depth.put(0, 0);
            try (ResultSet rs = plan.executeQuery()) {
                while (rs.next()) {
                    int d = depth.getOrDefault(rs.getInt(2), 0) + 1;
                    depth.put(rs.getInt(1), d);
                    System.out.println("   " + "  ".repeat(d - 1) + "|--" + rs.getString(4));
                }
            }
        }
        try (PreparedStatement run = c.prepareStatement(sql)) {
            bind(run, params);
            long start = System.nanoTime();
            long rows = 0;
            try (ResultSet rs = run.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getString(i);
                    }
                    rows++;
                }
            }
            System.out.printf(Locale.ROOT, "   one run: %.1f ms, %d rows%n", (System.nanoTime() - start) / 1e6, rows);
        }
    }

    /** The ids of the blocks overlapping a time range, as LogBlocks.span computes them. */
    long[] blockSpan(long fromTs, long toTs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT MIN(block), MAX(block) FROM log_blocks WHERE max_ts >= ? AND min_ts <= ?")) {
            bind(s, fromTs, toTs);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1) << BLOCK_BITS, ((rs.getLong(2) + 1) << BLOCK_BITS) - 1};
            }
        }
    }

    static String quoted(String word) {
        return '"' + word.replace("\"", "\"\"") + '"';
    }

    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    long scalar(String sql) throws SQLException {
        return row(sql)[0];
    }

    String string(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    long[] row(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row for " + sql);
            }
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getLong(i));
            }
            return values.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
