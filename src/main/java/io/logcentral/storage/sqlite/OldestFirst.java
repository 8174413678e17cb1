package io.logcentral.storage.sqlite;

import io.logcentral.storage.Severity;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The disk guard's order: the logs received first go first, by id, so that the pages they filled, in the table and in
 * its indexes, empty whole and the space goes to new logs. Logs of {@code ERROR} and above are kept twice as far back
 * as the others: the guard takes the oldest logs below {@code ERROR} until the oldest {@code ERROR}s are twice as many
 * ids old as the oldest log below it, then those.
 *
 * <p>Why by id and in two tiers: deleting the lowest severity of a day takes one row in five from pages shared with
 * the other severities, and SQLite frees a page only once two thirds of it are free; measured on 200,000 logs of
 * five severities, deleting 20,000 {@code DEBUG}s freed nothing (-3 bytes a log, the index's delete markers) where the
 * 20,000 oldest logs freed 146 bytes each and the 32,000 oldest below {@code ERROR} 138 bytes each (one row in five
 * left: SQLite merges such pages). Keeping {@code WARNING} too (two rows in five) freed nothing again.
 *
 * <p>Ids only grow, so once no log below {@code ERROR} is left under an id, none ever is again: the scan starts there
 * (and the tier kept longer where it stopped) instead of reading again the {@code ERROR}s kept. A deletion that rolls
 * back brings its logs back, so the starts are then forgotten.
 */
final class OldestFirst {

    /** The least severity kept longer. */
    private static final int KEPT_LONGER = Severity.ERROR.ordinal();

    private static final String NEWEST = "SELECT MAX(id) FROM logs";
    private static final String FIRST_BELOW =
            "SELECT id FROM logs WHERE id >= ? AND id < ? AND severity < " + KEPT_LONGER + " ORDER BY id LIMIT 1";
    private static final String PICK_BELOW = "INSERT INTO temp.doomed (id) SELECT id FROM logs WHERE id >= ? AND id < ?"
            + " AND severity < " + KEPT_LONGER + " ORDER BY id LIMIT ?";
    private static final String PICK_KEPT_LONGER = "INSERT INTO temp.doomed (id) SELECT id FROM logs"
            + " WHERE id >= ? AND id < ? AND severity >= " + KEPT_LONGER + " ORDER BY id LIMIT ?";
    private static final String LAST_PICKED = "SELECT MAX(id) FROM temp.doomed";

    /** No log below {@code ERROR} has an id under this. */
    private long belowFrom;
    /** No log kept longer that is due has an id under this. */
    private long keptLongerFrom;

    /** Deletes up to {@code limit} logs in this order, in the caller's transaction; the newest log always stays. */
    int delete(Connection connection, int limit) throws SQLException {
        LogDeleter.prepare(connection);
        Long newest = LogDeleter.firstLong(connection, NEWEST);
        if (newest == null) {
            return 0;
        }
        Long below = LogDeleter.firstLong(connection, FIRST_BELOW, belowFrom, newest);
        belowFrom = below == null ? newest : below;
        long due = belowFrom - (newest - belowFrom);
        int picked = LogDeleter.update(connection, PICK_KEPT_LONGER, keptLongerFrom, due, limit);
        if (picked > 0) {
            keptLongerFrom =
                    picked < limit ? Math.max(keptLongerFrom, due) : LogDeleter.firstLong(connection, LAST_PICKED) + 1;
        }
        if (picked < limit) {
            picked += LogDeleter.update(connection, PICK_BELOW, belowFrom, newest, limit - picked);
        }
        return LogDeleter.deletePicked(connection, picked);
    }

    /** A deletion rolled back: the logs it took are there again. */
    void forget() {
        belowFrom = 0;
        keptLongerFrom = 0;
    }
}
