package io.logcentral.storage.postgres;

import io.logcentral.storage.StoreStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Whether the database answers, and its size, asked on a connection of its own so queries never hold it up. */
@Component
@PostgresStore
class PostgresStoreStatus implements StoreStatus {

    private final DataSource status;

    PostgresStoreStatus(@Qualifier(PostgresDataSources.STATUS) DataSource status) {
        this.status = status;
    }

    /** Reads the logs table's catalog entry: the database is up and migrated. */
    @Override
    public boolean isUp() {
        try (Connection connection = status.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('logs') IS NOT NULL")) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    /** The whole database's size: logs, their indexes and the domain's tables. */
    @Override
    public long sizeBytes() {
        try (Connection connection = status.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }
}
