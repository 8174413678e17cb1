package io.logcentral.storage;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Which store holds the logs, chosen by {@code spring.datasource.url}: PostgreSQL when it names one, else the embedded
 * SQLite file, so a fresh install needs no setting at all.
 */
public enum StoreKind {
    SQLITE,
    POSTGRESQL;

    /** The bean name of the pool that serves queries, on either store. */
    public static final String READER_POOL = "logReaderPool";

    public static StoreKind of(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }
}
