package io.logcentral.storage.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.logcentral.storage.StorageProperties;
import io.logcentral.storage.StoreKind;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Four pools on the database of {@code spring.datasource.url}, as on SQLite: the log writer's one connection belongs
 * to the group commit alone; readers serve queries; the domain (JPA and Flyway) has its own, so credential checks never
 * queue for the writer's connection; and {@code /health} asks on a connection of its own.
 */
@Configuration(proxyBeanMethods = false)
@PostgresStore
class PostgresDataSources {

    static final String READER = StoreKind.READER_POOL;

    static final String WRITER = "postgresWriterPool";
    static final String STATUS = "postgresStatusPool";
    /** JPA's transactions are short (a primary-key lookup, an outbox row); a few serve every request thread. */
    private static final int DOMAIN_POOL_SIZE = 4;

    @Bean
    @Primary
    HikariDataSource dataSource(DataSourceProperties properties) {
        return pool("logcentral-domain", properties, DOMAIN_POOL_SIZE);
    }

    /**
     * application.properties names the SQLite dialect and version for the default store (Hibernate starts faster when
     * it need not ask the database); here Hibernate is told it talks to PostgreSQL 14 or later instead.
     */
    @Bean
    HibernatePropertiesCustomizer postgresDialect() {
        return properties -> {
            properties.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
            properties.put("jakarta.persistence.database-product-name", "PostgreSQL");
            properties.put("jakarta.persistence.database-major-version", "14");
            properties.put("jakarta.persistence.database-minor-version", "0");
        };
    }

    @Bean(name = WRITER, defaultCandidate = false)
    HikariDataSource postgresWriterPool(DataSourceProperties properties) {
        return pool("logcentral-writer", properties, 1);
    }

    /**
     * Queries differ in every parameter (a rare word or a common one, an hour or a month): each is planned for its own
     * values rather than with the generic plan a prepared statement switches to after five runs.
     */
    @Bean(name = READER, defaultCandidate = false)
    HikariDataSource postgresReaderPool(DataSourceProperties properties, StorageProperties storage) {
        HikariDataSource pool =
                pool("logcentral-reader", properties, storage.storage().readPoolSize());
        pool.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        return pool;
    }

    @Bean(name = STATUS, defaultCandidate = false)
    HikariDataSource postgresStatusPool(DataSourceProperties properties) {
        HikariDataSource pool = pool("logcentral-status", properties, 1);
        pool.setConnectionTimeout(1000);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    private static HikariDataSource pool(String name, DataSourceProperties properties, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setJdbcUrl(properties.determineUrl());
        pool.setUsername(properties.determineUsername());
        pool.setPassword(properties.determinePassword());
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(Math.min(1, size));
        pool.setConnectionTimeout(10_000);
        return pool;
    }
}
