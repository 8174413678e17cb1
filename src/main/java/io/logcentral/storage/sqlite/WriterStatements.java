package io.logcentral.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The statements every batch runs, prepared once on the writer's connection and kept while that connection lasts:
 * prepared for each batch, they took a sixth of the writer's time with one log a request (profiled), where batches
 * hold a few logs. Held on the driver's connection under the pool's proxy, which would close them when the connection
 * goes back to the pool. The transactions that use it (the writer's, the filter filler's) take turns on the pool's one
 * connection; synchronized all the same, for the clear at shutdown.
 */
final class WriterStatements {

    private Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    /** @param pooled the connection of this transaction; when it is not the one the statements are on, they go */
    synchronized PreparedStatement get(Connection pooled, String sql) throws SQLException {
        Connection own = pooled.unwrap(Connection.class);
        if (own != connection) {
            clear();
            connection = own;
        }
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = own.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    /** Before the connection is thrown away, and at shutdown. */
    synchronized void clear() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException alreadyGoneWithItsConnection) {
                // Nothing to free: the connection took its statements with it.
            }
        }
        prepared.clear();
        connection = null;
    }
}
