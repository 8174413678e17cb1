package io.logcentral.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how logs are kept.
 *
 * @param dataDir the folder holding the SQLite file and the first-start admin token hash
 * @param storage the store's own settings
 */
@ConfigurationProperties("logcentral")
public record StorageProperties(
        @DefaultValue("./data") Path dataDir, @DefaultValue Store storage) {

    /**
     * @param sync {@code normal}: a commit survives a crash of the process; {@code full}: it survives a power loss too
     * @param busyTimeoutMs how long a connection waits for a lock held by another before giving up
     * @param readPoolSize connections serving queries beside the one writer
     * @param convertOnStart converts a SQLite store made before incremental vacuum at start, so deletes give space back
     *     to the disk: one full VACUUM, which needs free disk as large as the store and holds writes until done
     */
    public record Store(
            @DefaultValue("normal") Sync sync,
            @DefaultValue("5000") int busyTimeoutMs,
            @DefaultValue("4") int readPoolSize,
            @DefaultValue("false") boolean convertOnStart) {}

    public enum Sync {
        NORMAL,
        FULL
    }

    public Path databaseFile() {
        return dataDir.resolve("logcentral.db");
    }
}
