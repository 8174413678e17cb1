package io.logcentral.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.LogWriter;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StorageProperties;
import io.logcentral.storage.StoredLog;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/GenerateLogs.java and bench/ExplainQueries.java run the server's own SQLite writer and reader, made by
 * reflection as here (by class and method name, since both are package-private), so no benchmark measures a copy of
 * SQL gone stale. When this fails, the storage package changed shape: teach those two programs the new one.
 */
class BenchReachesTheStoreTest {

    private static final String STORE = "io.logcentral.storage.sqlite.";

    @TempDir
    Path dir;

    @Test
    void benchProgramsWriteThroughTheServersWriterAndFindThroughItsReader() throws Exception {
        StorageProperties settings = new StorageProperties(
                dir, new StorageProperties.Store(StorageProperties.Sync.NORMAL, 5000, 4, false, "10%,1GB"));
        try (AutoCloseable writerPool = pool("logWriterPool", settings);
                AutoCloseable readerPool = pool("logReaderPool", settings)) {
            Flyway.configure()
                    .dataSource((DataSource) writerPool)
                    .locations("classpath:db/migration/sqlite")
                    .load()
                    .migrate();
            Object unwritten = unwrittenFilters();
            LogWriter writer = (LogWriter) onlyConstructor("SqliteLogWriter", writerPool, unwritten);
            LogReader reader = (LogReader) onlyConstructor("SqliteLogReader", readerPool, unwritten);
            List<NewLog> batch = new ArrayList<>();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (int i = 0; i < 5000; i++) {
                batch.add(new NewLog(
                        now, now, "bench", Severity.INFO, "log " + i, "request-" + i, null, null, null, "{}"));
            }

            long first = writer.insert(batch, List.of());

            List<StoredLog> found = reader.find(new LogQuery(
                    null, null, null, null, null, null, null, "request-4321", null, Map.of(), null, false, 10, 0));
            assertThat(first).isEqualTo(1);
            assertThat(found).extracting(StoredLog::message).containsExactly("log 4321");
        }
    }

    private static AutoCloseable pool(String method, StorageProperties settings) throws Exception {
        Class<?> pools = Class.forName(STORE + "SqliteDataSources");
        Constructor<?> make = pools.getDeclaredConstructor();
        make.setAccessible(true);
        Method pool = pools.getDeclaredMethod(method, StorageProperties.class);
        pool.setAccessible(true);
        return (AutoCloseable) pool.invoke(make.newInstance(), settings);
    }

    /** As the bench programs make them: on the pool, and on filters held in memory shared by writer and reader. */
    private static Object onlyConstructor(String type, Object pool, Object unwritten) throws Exception {
        Constructor<?>[] constructors = Class.forName(STORE + type).getDeclaredConstructors();
        assertThat(constructors).hasSize(1);
        assertThat(constructors[0].getParameterTypes()).hasSize(2);
        assertThat(constructors[0].getParameterTypes()[0]).isAssignableFrom(pool.getClass());
        assertThat(constructors[0].getParameterTypes()[1]).isEqualTo(unwritten.getClass());
        constructors[0].setAccessible(true);
        return constructors[0].newInstance(pool, unwritten);
    }

    private static Object unwrittenFilters() throws Exception {
        Constructor<?> make = Class.forName(STORE + "UnwrittenFilters").getDeclaredConstructor();
        make.setAccessible(true);
        return make.newInstance();
    }
}
