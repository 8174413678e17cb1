package io.logcentral.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether the store answers, and how much disk it takes. */
@Component
public class StoreStatus {

    private final JdbcClient jdbc;
    private final StorageProperties properties;

    StoreStatus(@Qualifier(SqliteDataSources.READER) DataSource readers, StorageProperties properties) {
        this.jdbc = JdbcClient.create(readers);
        this.properties = properties;
    }

    public boolean isUp() {
        try {
            return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (DataAccessException e) {
            return false;
        }
    }

    public String kind() {
        return "sqlite";
    }

    /** The database file with its write-ahead log, in bytes. */
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
