package io.logcentral.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which file an import is about: the SHA-256 of its first bytes (4 KiB, fewer for a smaller file). A log file that
 * grew keeps those bytes, so it resumes where it stopped; one rotated and begun anew does not, so it starts over.
 */
final class FileIdentity {

    static final int PREFIX_BYTES = 4096;

    private FileIdentity() {}

    static String prefixSha256(Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] prefix = in.readNBytes(bytes);
            if (prefix.length < bytes) {
                return "";
            }
            return sha256(prefix);
        }
    }

    /** The {@code Idempotency-Key} stem of one import: every batch adds its start offset to it. */
    static String keyStem(ImportState.Entry entry) {
        String named = String.join(
                "\n",
                entry.path(),
                Integer.toString(entry.prefixBytes()),
                entry.prefixSha256(),
                entry.service(),
                entry.format());
        return "import-" + sha256(named.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
