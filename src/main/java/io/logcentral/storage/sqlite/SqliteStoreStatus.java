package io.logcentral.storage.sqlite;

import io.logcentral.storage.StorageProperties;
import io.logcentral.storage.StoreStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.sqlite.SQLiteConfig;

/**
 * Whether the store answers, and how much disk it takes. It asks on a connection of its own, so {@code /health} never
 * waits behind queries that hold every reader.
 */
@Component
@SqliteStore
public class SqliteStoreStatus implements StoreStatus, DisposableBean {

    private final StorageProperties properties;
    private final BlockFilterFiller filters;
    private final WalCheckpoints checkpoints;
    private final OwnConnection connection;

    SqliteStoreStatus(StorageProperties properties, BlockFilterFiller filters, WalCheckpoints checkpoints) {
        this.properties = properties;
        this.filters = filters;
        this.checkpoints = checkpoints;
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(1000);
        this.connection = new OwnConnection(config, properties.databaseFile());
    }

    @Override
    public synchronized boolean isUp() {
        try {
            try (Statement statement = connection.get().createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                return count.next() && count.getLong(1) > 0;
            }
        } catch (SQLException e) {
            connection.close();
            return false;
        }
    }

    @Override
    public synchronized void destroy() {
        connection.close();
    }

    @Override
    public Map<String, Object> maintenance() {
        return Map.of("block_filters", filters.health(), "wal_checkpoints", checkpoints.health());
    }

    @Override
    public String kind() {
        return "sqlite";
    }

    @Override
    public long sizeBytes() {
        Path file = properties.databaseFile();
        return size(file) + size(file.resolveSibling(file.getFileName() + "-wal"));
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
