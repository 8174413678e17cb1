package io.logcentral.retention;

import io.logcentral.storage.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import org.springframework.stereotype.Component;

/** The file system of the data directory. */
@Component
class DataDirFreeSpace implements FreeSpace {

    private final FileStore store;

    DataDirFreeSpace(StorageProperties properties) {
        try {
            Files.createDirectories(properties.dataDir());
            this.store = Files.getFileStore(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file system of " + properties.dataDir(), e);
        }
    }

    @Override
    public long usableBytes() {
        return ask(FileStore::getUsableSpace);
    }

    @Override
    public long totalBytes() {
        return ask(FileStore::getTotalSpace);
    }

    private interface Question {
        long ask(FileStore store) throws IOException;
    }

    private long ask(Question question) {
        try {
            return question.ask(store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of the data directory", e);
        }
    }
}
