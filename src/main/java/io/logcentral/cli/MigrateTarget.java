package io.logcentral.cli;

import io.logcentral.cli.MigrateTables.Column;
import io.logcentral.cli.MigrateTables.Group;
import io.logcentral.cli.MigrateTables.Rows;
import io.logcentral.cli.MigrateTables.Summary;
import io.logcentral.cli.MigrateTables.Table;
import io.logcentral.storage.LogLoader;
import io.logcentral.storage.StoredLog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntConsumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;

/** The PostgreSQL database the store moves into, on one connection held for the whole run. */
final class MigrateTarget implements AutoCloseable {

    /** Where the server's Flyway finds the PostgreSQL migrations ({@code spring.flyway.locations} with its vendor). */
    private static final String MIGRATIONS = "classpath:db/migration/postgresql";
    /** A session lock of its own ("logmigra" in ASCII): two runs into one database would interleave their batches. */
    private static final long MIGRATE_LOCK = 0x6c6f676d69677261L;

    private static final String BY_IDS = "SELECT " + MigrateTables.LOG_COLUMNS + " FROM logs WHERE id = ANY (?)";
    private static final String COLUMNS = "SELECT column_name, data_type FROM information_schema.columns"
            + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position";

    private final String url;
    private final Properties credentials;
    private final Connection connection;
    private final LogLoader loader = LogLoader.postgres();

    private MigrateTarget(String url, Properties credentials, Connection connection) {
        this.url = url;
        this.credentials = credentials;
        this.connection = connection;
    }

    static MigrateTarget connect(String url, @Nullable String user, @Nullable String password) throws MigrationRefused {
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new MigrationRefused(
                    "--to must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database), not '" + shown(url)
                            + "'");
        }
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        Properties properties = new Properties();
        properties.putAll(credentials);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "logcentral migrate");
        try {
            return new MigrateTarget(url, credentials, DriverManager.getConnection(url, properties));
        } catch (SQLException e) {
            throw new MigrationRefused("--to: cannot reach " + shown(url) + ": " + firstLine(e.getMessage()));
        }
    }

    /** The URL without its parameters, which may hold a password. */
    static String shown(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /**
     * Makes the schema with the server's own migrations, so the database ends as a server would have made it; a
     * database holding other tables and no logcentral schema is refused rather than mixed into.
     *
     * @return what Flyway did, for the operator
     */
    String createSchema() throws MigrationRefused, SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.isEmpty() && !tables.contains("flyway_schema_history")) {
            throw new MigrationRefused("--to: " + shown(url) + " holds other tables (" + tables.get(0)
                    + ", ...) and no logcentral schema: migrate into an empty database");
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"))
                    .locations(MIGRATIONS)
                    .load();
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted == 0
                    ? "schema: already at version " + flyway.info().current().getVersion()
                    : "schema: made by the server's migrations, version " + result.targetSchemaVersion;
        } catch (FlywayException e) {
            throw new MigrationRefused(
                    "--to: the server's migrations failed on " + shown(url) + ": " + firstLine(e.getMessage()));
        }
    }

    /** Takes the migration's own lock for as long as this connection lives; false when another run holds it. */
    boolean lock() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, MIGRATE_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    Summary summary() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*), min(id), max(id) FROM logs")) {
            rs.next();
            return new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /**
     * One batch in one transaction, after the day partitions it needs: a run stopped anywhere leaves whole batches, so
     * the next run goes on after the largest id stored.
     */
    void write(List<StoredLog> logs, Instant now, IntConsumer beforeCommit, int batch) throws SQLException {
        loader.makePartitions(connection, logs, now);
        inTransaction(() -> {
            loader.insert(connection, logs);
            beforeCommit.accept(batch);
        });
    }

    /**
     * Replaces the other tables with the source's rows, moves their id sequences past the largest id the source ever
     * handed out and the logs' sequence past the last log, in one transaction.
     */
    void finish(Map<Table, Rows> tables, Map<Table, Long> highestIdsEver) throws SQLException {
        inTransaction(() -> {
            for (Map.Entry<Table, Rows> entry : tables.entrySet()) {
                MigrateTableWriter.replace(connection, entry.getKey(), entry.getValue(), columns(entry.getKey()));
                if (entry.getKey().identity()) {
                    MigrateTableWriter.continueIds(
                            connection,
                            entry.getKey(),
                            Math.max(entry.getValue().highest("id"), highestIdsEver.get(entry.getKey())));
                }
            }
            loader.continueIds(connection);
        });
    }

    Map<Long, StoredLog> byIds(List<Long> ids) throws SQLException {
        Map<Long, StoredLog> logs = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(BY_IDS)) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredLog log = MigrateTables.log(rs);
                    logs.put(log.id(), log);
                }
            }
        }
        return logs;
    }

    Map<Group, Long> groups() throws SQLException {
        Map<Group, Long> groups = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT service, severity, count(*) FROM logs GROUP BY service, severity")) {
            while (rs.next()) {
                groups.put(new Group(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
        }
        return groups;
    }

    List<Column> columns(Table table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(COLUMNS)) {
            select.setString(1, table.name());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }

    Rows rows(Table table, List<Column> columns) throws SQLException {
        List<String> names = columns.stream().map(Column::name).toList();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", names) + " FROM " + table.name())) {
            return Rows.read(rs, names, table.key(), text -> text);
        }
    }

    long miscountedMinutes() throws SQLException {
        return loader.miscountedMinutes(connection);
    }

    String storable(String text) {
        return loader.storable(text);
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // every batch is committed or rolled back by now
        }
    }
}
