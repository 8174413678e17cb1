package io.logcentral.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * How far each import got: a small JSON file rewritten (atomically, by rename) after every batch the server
 * acknowledged. An entry is one file sent to one server as one service in one format, so importing the same file
 * elsewhere or as another service starts afresh.
 */
final class ImportState {

    /**
     * @param prefixBytes how many of the file's first bytes {@code prefixSha256} covers: a file that grew keeps them
     * @param offset where the next batch starts (decompressed bytes for a gzip file)
     * @param line the lines before {@code offset}
     */
    record Entry(
            String url,
            String path,
            String service,
            String format,
            int prefixBytes,
            String prefixSha256,
            long offset,
            long line) {

        boolean sameImport(Entry other) {
            return url.equals(other.url)
                    && path.equals(other.path)
                    && service.equals(other.service)
                    && format.equals(other.format);
        }
    }

    record Saved(int version, List<Entry> imports) {}

    private final Path file;
    private final List<Entry> entries;

    private ImportState(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static ImportState load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ImportState(file, new ArrayList<>());
        }
        try {
            Saved saved = Replies.JSON.readValue(Files.readAllBytes(file), Saved.class);
            return new ImportState(file, new ArrayList<>(saved.imports()));
        } catch (JacksonException e) {
            throw new UsageException("the import state file " + file + " is unreadable (" + e.getOriginalMessage()
                    + "): delete it or name another with --state");
        }
    }

    synchronized Optional<Entry> find(Entry key) {
        return entries.stream().filter(key::sameImport).findFirst();
    }

    synchronized void save(Entry entry) throws IOException {
        entries.removeIf(entry::sameImport);
        entries.add(entry);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, Replies.JSON.writeValueAsBytes(new Saved(1, entries)));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
