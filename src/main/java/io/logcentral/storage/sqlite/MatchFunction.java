package io.logcentral.storage.sqlite;

import io.logcentral.storage.MessageMatcher;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL function {@code log_matches(message, q)}: 1 when the message matches the search {@code q}
 * ({@link MessageMatcher}: words, phrases, prefixes, exclusions, substrings), else 0. Searches ask it of each log they
 * read; the block filters ({@link BlockFilters}) pick which logs those are. One instance per connection, which runs one
 * statement at a time: the matcher of the last {@code q} is kept, as a statement asks with the same {@code q} for
 * every row.
 */
final class MatchFunction extends Function {

    static final String NAME = "log_matches";

    private String lastQuery;
    private MessageMatcher matcher;

    static void register(Connection connection) throws SQLException {
        Function.create(connection, NAME, new MatchFunction(), 2, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String message = value_text(0);
        String query = value_text(1);
        if (message == null || query == null) {
            result(0);
            return;
        }
        if (!query.equals(lastQuery)) {
            matcher = MessageMatcher.of(query);
            lastQuery = query;
        }
        result(matcher.matches(message) ? 1 : 0);
    }
}
