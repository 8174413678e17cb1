package io.logcentral.retention;

import io.logcentral.storage.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A disk of the size the test sets, holding the real files of the store: what they take is what is no longer free, so
 * the guard sees the store grow and shrink as it does.
 */
final class TestDisk implements FreeSpace {

    private final Path dataDir;
    private volatile long capacity = Long.MAX_VALUE / 2;

    TestDisk(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Makes the disk {@code free} bytes larger than what the store takes now. */
    void leaveFree(long free) {
        capacity = used() + free;
    }

    long used() {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.mapToLong(TestDisk::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public long usableBytes() {
        return Math.max(0, capacity - used());
    }

    @Override
    public long totalBytes() {
        return capacity;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        TestDisk testDisk(StorageProperties storage) {
            return new TestDisk(storage.dataDir());
        }
    }
}
