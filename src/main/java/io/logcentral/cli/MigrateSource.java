package io.logcentral.cli;

import io.logcentral.cli.MigrateTables.Column;
import io.logcentral.cli.MigrateTables.Group;
import io.logcentral.cli.MigrateTables.Rows;
import io.logcentral.cli.MigrateTables.Summary;
import io.logcentral.cli.MigrateTables.Table;
import io.logcentral.storage.StoredLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** The SQLite store being moved, opened read-only: a server may still read it, and nothing here can change it. */
final class MigrateSource implements AutoCloseable {

    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String AFTER =
            "SELECT " + MigrateTables.LOG_COLUMNS + " FROM logs WHERE id > ? ORDER BY id LIMIT ?";
    private static final String BY_ID = "SELECT " + MigrateTables.LOG_COLUMNS + " FROM logs WHERE id = ?";
    /** Services exactly as stored: the column compares without case, and PostgreSQL keeps "Api" and "api" apart. */
    private static final String GROUPS =
            "SELECT service, severity, count(*) FROM logs GROUP BY service COLLATE BINARY, severity";

    private final Path file;
    private final Connection connection;

    private MigrateSource(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** The store at {@code path}: its file, or the data directory holding {@code logcentral.db}. */
    static MigrateSource open(Path path) throws MigrationRefused {
        Path file = Files.isDirectory(path) ? path.resolve("logcentral.db") : path;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new MigrationRefused("--from: no readable SQLite store at " + file);
        }
        if (!hasSqliteHeader(file)) {
            throw new MigrationRefused("--from: " + file + " is not a SQLite database");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new MigrationRefused("--from: cannot open " + file + ": " + e.getMessage());
        }
        MigrateSource source = new MigrateSource(file, connection);
        try {
            source.checkSchema();
        } catch (MigrationRefused | SQLException e) {
            source.close();
            if (e instanceof MigrationRefused refused) {
                throw refused;
            }
            throw new MigrationRefused("--from: cannot read " + file + ": " + e.getMessage());
        }
        return source;
    }

    Path file() {
        return file;
    }

    Summary summary() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*), min(id), max(id) FROM logs")) {
            rs.next();
            return new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    long countUpTo(long id) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM logs WHERE id <= ?")) {
            count.setLong(1, id);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Up to {@code limit} logs after id {@code after}, in id order. */
    List<StoredLog> after(long after, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(AFTER)) {
            select.setLong(1, after);
            select.setInt(2, limit);
            select.setFetchSize(limit);
            List<StoredLog> logs = new ArrayList<>(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    logs.add(MigrateTables.log(rs));
                }
            }
            return logs;
        }
    }

    /** The logs of these ids that exist, by id. */
    Map<Long, StoredLog> byIds(List<Long> ids) throws SQLException {
        Map<Long, StoredLog> logs = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(BY_ID)) {
            for (long id : ids) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        logs.put(id, MigrateTables.log(rs));
                    }
                }
            }
        }
        return logs;
    }

    /** Up to {@code n} ids drawn at random from the logs up to {@code upTo}. */
    List<Long> randomIds(int n, long upTo) throws SQLException {
        List<Long> ids = new ArrayList<>(n);
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id FROM logs WHERE id <= ? ORDER BY random() LIMIT ?")) {
            select.setLong(1, upTo);
            select.setInt(2, n);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** How many logs each service and severity has, services as {@code text} stores them. */
    Map<Group, Long> groups(UnaryOperator<String> text) throws SQLException {
        Map<Group, Long> groups = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(GROUPS)) {
            while (rs.next()) {
                groups.merge(new Group(text.apply(rs.getString(1)), rs.getInt(2)), rs.getLong(3), Long::sum);
            }
        }
        return groups;
    }

    /** The rows of {@code table} in the target's columns, texts as {@code text} stores them. */
    Rows rows(Table table, List<Column> columns, UnaryOperator<String> text) throws SQLException, MigrationRefused {
        List<String> names = columns.stream().map(Column::name).toList();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", names) + " FROM " + table.name())) {
            return Rows.read(rs, names, table.key(), text);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such column")) {
                throw new MigrationRefused("--from: " + file + " lacks a column of " + table.name() + " that the"
                        + " target has: start this version's server on it once, then migrate");
            }
            throw e;
        }
    }

    /** The largest id {@code table} ever handed out (AUTOINCREMENT never reuses one, even after a delete). */
    long highestIdEver(Table table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
            select.setString(1, table.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * A logcentral store has the server's schema history and the tables read here; one made by an older server lacks
     * some until that server's successor has started on it once.
     */
    private void checkSchema() throws MigrationRefused, SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.contains("flyway_schema_history") || !tables.contains("logs")) {
            throw new MigrationRefused("--from: " + file + " is not a logcentral store (it has no logs table)");
        }
        List<String> missing = MigrateTables.ALL.stream()
                .map(Table::name)
                .filter(name -> !tables.contains(name))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new MigrationRefused("--from: " + file + " was written by an older logcentral (no "
                    + String.join(", ", missing) + "): start this version's server on it once, then migrate");
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // a read-only connection has nothing to lose
        }
    }
}
