package io.logcentral.storage.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.storage.StorageProperties;
import io.logcentral.storage.StoreKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Three pools on the same SQLite file. The log writer's single connection belongs to the group commit alone: SQLite
 * allows one writer at a time, so log writes queue in the application instead of failing on SQLITE_BUSY. A small pool
 * of readers serves queries; in WAL mode they never wait for the writer. Each reader knows the search's match function
 * ({@link MatchFunction}). The domain (JPA: LoggerBot users now, rules,
 * tokens and the outbox next) and Flyway get a pool of their own, so a flood of credential checks never queues for the
 * connection the group commit needs; their short writes meet the writer only at SQLite's lock, within the busy timeout.
 */
@Configuration(proxyBeanMethods = false)
@SqliteStore
class SqliteDataSources {

    static final String READER = StoreKind.READER_POOL;
    static final String WRITER = "logWriterPool";
    static final String DOMAIN_WRITER = "domainWriterPool";
    static final String DOMAIN_READER = "domainReaderPool";
    /** Domain reads are a primary-key lookup each; a few let a slow one not hold up the others. */
    static final int DOMAIN_POOL_SIZE = 2;

    /**
     * JPA and Flyway take the primary data source: the domain's pools, never the log writer's connection. A JPA write
     * transaction reads before it writes (load, change, flush); begun deferred, its write fails at once with
     * SQLITE_BUSY_SNAPSHOT whenever the log writer committed in between, which under ingest is nearly always. So write
     * transactions run on connections that begin IMMEDIATE and wait for the write lock within the busy timeout, and
     * read-only transactions go to connections of their own that never take it.
     */
    @Bean
    @Primary
    DataSource dataSource(@Qualifier(DOMAIN_WRITER) DataSource writes, @Qualifier(DOMAIN_READER) DataSource reads) {
        LazyConnectionDataSourceProxy domain = new LazyConnectionDataSourceProxy(writes);
        domain.setReadOnlyDataSource(reads);
        return domain;
    }

    @Bean(name = DOMAIN_WRITER, defaultCandidate = false)
    HikariDataSource domainWriterPool(StorageProperties properties) {
        SQLiteConfig config = baseConfig(properties);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return pool("logcentral-domain", config, properties, DOMAIN_POOL_SIZE);
    }

    @Bean(name = DOMAIN_READER, defaultCandidate = false)
    HikariDataSource domainReaderPool(StorageProperties properties) {
        HikariDataSource pool = pool("logcentral-domain-reader", baseConfig(properties), properties, DOMAIN_POOL_SIZE);
        pool.setConnectionInitSql("PRAGMA query_only = true");
        return pool;
    }

    @Bean(name = WRITER, defaultCandidate = false)
    HikariDataSource logWriterPool(StorageProperties properties) {
        SQLiteConfig config = baseConfig(properties);
        // A deferred transaction that reads, then writes, fails with SQLITE_BUSY without waiting: take the lock first.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return pool("logcentral-writer", config, properties, 1);
    }

    @Bean(name = READER, defaultCandidate = false)
    HikariDataSource logReaderPool(StorageProperties properties) {
        SQLiteDataSource sqlite = new SQLiteDataSource(baseConfig(properties)) {
            @Override
            public SQLiteConnection getConnection(String username, String password) throws SQLException {
                SQLiteConnection connection = super.getConnection(username, password);
                MatchFunction.register(connection);
                return connection;
            }
        };
        HikariDataSource pool = pool(
                "logcentral-reader", sqlite, properties, properties.storage().readPoolSize());
        pool.setConnectionInitSql("PRAGMA query_only = true");
        return pool;
    }

    static SQLiteConfig baseConfig(StorageProperties properties) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(
                properties.storage().sync() == StorageProperties.Sync.FULL
                        ? SQLiteConfig.SynchronousMode.FULL
                        : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(properties.storage().busyTimeoutMs());
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-16_000);
        config.setWalAutocheckpoint(WalRound.pages(properties.storage()));
        config.setJournalSizeLimit(WalRound.fileLimitBytes(properties.storage()));
        return config;
    }

    private static HikariDataSource pool(String name, SQLiteConfig config, StorageProperties properties, int size) {
        return pool(name, new SQLiteDataSource(config), properties, size);
    }

    private static HikariDataSource pool(String name, SQLiteDataSource sqlite, StorageProperties properties, int size) {
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + properties.dataDir(), e);
        }
        StoreSpace.prepare(properties.databaseFile(), properties.storage().convertOnStart());
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
