package io.logcentral.storage.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Giving deleted space back to the disk. SQLite reuses the pages of deleted logs for new ones, but hands them back to
 * the file system only with {@code auto_vacuum = INCREMENTAL}, which a store must have before its first page is
 * written, or get through one full {@code VACUUM}. The pools open the file in WAL mode, which writes that first page,
 * so a new store is created here, incremental, before any pool opens it. A store from before this is converted only
 * when asked ({@code logcentral.storage.convert-on-start}): its VACUUM rewrites the whole file, needs as much free disk
 * again, and holds every writer meanwhile, so it runs at start, before the server takes logs. Unconverted, a store
 * reuses its free pages for new logs and its file never shrinks.
 */
final class StoreSpace {

    private static final Logger log = LoggerFactory.getLogger(StoreSpace.class);
    private static final int INCREMENTAL = 2;

    private StoreSpace() {}

    /**
     * Creates the store file incremental when there is none yet; converts an existing one when {@code convert} is set.
     * Before any pool opens the file.
     */
    static synchronized void prepare(Path file, boolean convert) {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            if (!fresh && !convert) {
                return;
            }
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                    Statement statement = connection.createStatement()) {
                if (isIncremental(connection)) {
                    return;
                }
                statement.execute("PRAGMA auto_vacuum = INCREMENTAL");
                if (fresh) {
                    statement.execute("PRAGMA journal_mode = WAL");
                } else {
                    convert(file, statement);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store file " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the store file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void convert(Path file, Statement statement) {
        long start = System.nanoTime();
        log.info("Converting {} to incremental vacuum: one full VACUUM, the server takes logs after it", file);
        try {
            statement.execute("VACUUM");
            log.info("Converted {} in {} ms", file, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            // A full disk fails the copy; the store stays as it was and still reuses its free pages.
            log.warn("The store stays as it was, its free pages reused but not given back: {}", e.getMessage());
        }
    }

    /** Pages of deleted logs inside the file, free for new ones, in bytes. */
    static long freeBytes(Connection connection) throws SQLException {
        return pragma(connection, "freelist_count") * pragma(connection, "page_size");
    }

    static boolean isIncremental(Connection connection) throws SQLException {
        return pragma(connection, "auto_vacuum") == INCREMENTAL;
    }

    /**
     * Gives back up to {@code bytes} of free pages; returns how many bytes went. In WAL mode the file shrinks at the
     * checkpoint that copies the vacuum back, so one runs at once; passive, it never waits for a reader.
     */
    static long giveBack(Connection connection, long bytes) throws SQLException {
        if (!isIncremental(connection)) {
            return 0;
        }
        long pageSize = pragma(connection, "page_size");
        long before = pragma(connection, "freelist_count");
        long pages = Math.min(before, bytes / pageSize);
        if (pages == 0) {
            return 0;
        }
        try (Statement statement = connection.createStatement()) {
            // executeUpdate steps the pragma to its end; execute stops after its first step, which frees one page.
            statement.executeUpdate("PRAGMA incremental_vacuum(" + pages + ")");
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
        return (before - pragma(connection, "freelist_count")) * pageSize;
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet value = statement.executeQuery("PRAGMA " + name)) {
            return value.next() ? value.getLong(1) : 0;
        }
    }
}
