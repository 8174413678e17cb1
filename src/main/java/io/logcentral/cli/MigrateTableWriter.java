package io.logcentral.cli;

import io.logcentral.cli.MigrateTables.Column;
import io.logcentral.cli.MigrateTables.Rows;
import io.logcentral.cli.MigrateTables.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The tables besides the logs into PostgreSQL: replaced whole, their values bound as each column's type wants. */
final class MigrateTableWriter {

    private MigrateTableWriter() {}

    /** Replaces the rows of {@code table}, in the caller's transaction. */
    static void replace(Connection connection, Table table, Rows rows, List<Column> columns) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table.name());
        }
        if (rows.rows().isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", rows.columns()) + ") VALUES ("
                + String.join(", ", rows.columns().stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (List<@Nullable Object> row : rows.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    bind(insert, i + 1, columns.get(i).type(), row.get(i));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, int index, String type, @Nullable Object value)
            throws SQLException {
        switch (type) {
            case "boolean" -> {
                if (value == null) {
                    insert.setNull(index, Types.BOOLEAN);
                } else {
                    insert.setBoolean(index, ((Long) value) != 0);
                }
            }
            case "bigint", "integer", "smallint" -> {
                if (value == null) {
                    insert.setNull(index, Types.BIGINT);
                } else {
                    insert.setLong(index, value instanceof Long n ? n : Long.parseLong(value.toString()));
                }
            }
            default -> insert.setString(index, value == null ? null : value.toString());
        }
    }

    /** The id sequence of {@code table} goes on after {@code highest} (from 1 when 0). */
    static void continueIds(Connection connection, Table table, long highest) throws SQLException {
        try (PreparedStatement setval =
                connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, ?)")) {
            setval.setString(1, table.name());
            setval.setLong(2, Math.max(highest, 1));
            setval.setBoolean(3, highest > 0);
            setval.execute();
        }
    }
}
