package io.logcentral.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One writing connection and a small pool of readers on the same SQLite file. SQLite allows one writer at a time, so
 * writes queue in the application instead of failing on SQLITE_BUSY, and in WAL mode readers never wait for it.
 */
@Configuration(proxyBeanMethods = false)
class SqliteDataSources {

    static final String READER = "logReaderPool";

    @Bean
    @Primary
    HikariDataSource dataSource(StorageProperties properties) {
        SQLiteConfig config = baseConfig(properties);
        // A deferred transaction that reads, then writes, fails with SQLITE_BUSY without waiting: take the lock first.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return pool("logcentral-writer", config, properties, 1);
    }

    @Bean(name = READER, defaultCandidate = false)
    HikariDataSource logReaderPool(StorageProperties properties) {
        HikariDataSource pool = pool(
                "logcentral-reader",
                baseConfig(properties),
                properties,
                properties.storage().readPoolSize());
        pool.setConnectionInitSql("PRAGMA query_only = true");
        return pool;
    }

    private static SQLiteConfig baseConfig(StorageProperties properties) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(
                properties.storage().sync() == StorageProperties.Sync.FULL
                        ? SQLiteConfig.SynchronousMode.FULL
                        : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(properties.storage().busyTimeoutMs());
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-16_000);
        return config;
    }

    private static HikariDataSource pool(String name, SQLiteConfig config, StorageProperties properties, int size) {
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + properties.dataDir(), e);
        }
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + properties.databaseFile().toAbsolutePath());
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(10_000);
        // SQLite connections do not go stale: keep them for the life of the process.
        pool.setMaxLifetime(0);
        pool.setIdleTimeout(0);
        return pool;
    }
}
