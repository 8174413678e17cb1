package io.logcentral.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The reader pool with a time budget per reading thread, which PostgreSQL enforces itself: a connection handed out
 * within a budget gets {@code statement_timeout} set to what is left of it, so the server cancels a statement that
 * runs past it and the connection is free again at once. Connections that carried a budget are set back to none when
 * handed out without one.
 */
final class ReadBudgets extends DelegatingDataSource {

    /** PostgreSQL's SQLSTATE for a statement canceled by {@code statement_timeout}. */
    private static final String QUERY_CANCELED = "57014";

    private final ThreadLocal<Long> deadline = new ThreadLocal<>();
    private final Set<PGConnection> limited =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    ReadBudgets(DataSource readers) {
        super(readers);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        Long end = deadline.get();
        PGConnection physical = connection.unwrap(PGConnection.class);
        if (end != null) {
            long leftMillis = Math.max(1, (end - System.nanoTime()) / 1_000_000);
            set(connection, leftMillis);
            limited.add(physical);
        } else if (limited.remove(physical)) {
            set(connection, 0);
        }
        return connection;
    }

    private static void set(Connection connection, long millis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + millis);
        }
    }

    /** Runs {@code reads} on this thread; a statement still running after {@code budget} ends the reads. */
    <T> T within(Duration budget, Supplier<T> reads) {
        Long outer = deadline.get();
        long end = System.nanoTime() + budget.toNanos();
        deadline.set(outer == null ? end : Math.min(outer, end));
        try {
            return reads.get();
        } catch (DataAccessException e) {
            if (canceled(e) || System.nanoTime() - end >= 0) {
                throw new QueryTimeoutException("read ran past its budget of " + budget, e);
            }
            throw e;
        } finally {
            if (outer == null) {
                deadline.remove();
            } else {
                deadline.set(outer);
            }
        }
    }

    private static boolean canceled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
