package io.logcentral.storage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
     * @param minFree the free space the disk guard always keeps on the store's disk: sizes and percentages of the disk
     *     separated by commas, the largest wins ({@code 10%,1GB}: 10 % of the disk, at least 1 GiB)
     */
    public record Store(
            @DefaultValue("normal") Sync sync,
            @DefaultValue("5000") int busyTimeoutMs,
            @DefaultValue("4") int readPoolSize,
            @DefaultValue("false") boolean convertOnStart,
            @DefaultValue("10%,1GB") String minFree) {

        public Store {
            reserve(minFree, 0);
        }

        /** The reserve in bytes on a disk of {@code totalBytes}. */
        public long reserveBytes(long totalBytes) {
            return reserve(minFree, totalBytes);
        }

        private static long reserve(String minFree, long totalBytes) {
            try {
                return Arrays.stream(minFree.split(","))
                        .map(String::strip)
                        .mapToLong(part -> part.endsWith("%")
                                ? (long) (totalBytes * Double.parseDouble(part.substring(0, part.length() - 1)) / 100)
                                : DataSize.parse(part.toUpperCase(Locale.ROOT)).toBytes())
                        .max()
                        .orElse(0);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "logcentral.storage.min-free must be sizes or percentages separated by commas: " + minFree, e);
            }
        }
    }

    public enum Sync {
        NORMAL,
        FULL
    }

    public Path databaseFile() {
        return dataDir.resolve("logcentral.db");
    }
}
