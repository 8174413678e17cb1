package io.logcentral.auth;

import io.logcentral.storage.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The token a server with no configured token starts with: made once, printed once to standard output, and from then
 * on known only by the hash kept in the data directory. Deleting that file revokes it.
 */
@Component
class AdminTokenBootstrap {

    static final String NAME = "admin";
    private static final String FILE = "admin-token.sha256";

    private final Path hashFile;

    AdminTokenBootstrap(StorageProperties storage) {
        this.hashFile = storage.dataDir().resolve(FILE);
    }

    TokenPrincipal principal() {
        return new TokenPrincipal(NAME, null, EnumSet.allOf(Scope.class), 201);
    }

    /** The hash of the first-start token, made now when there is none yet. */
    Optional<byte[]> adminTokenHash() {
        try {
            if (Files.exists(hashFile)) {
                return Optional.of(TokenHash.fromHex(Files.readString(hashFile, StandardCharsets.US_ASCII)));
            }
            String token = TokenHash.newToken();
            byte[] hash = TokenHash.of(token);
            write(TokenHash.hex(hash));
            announce(token);
            return Optional.of(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin token hash in " + hashFile, e);
        }
    }

    private void write(String hex) throws IOException {
        Files.createDirectories(hashFile.getParent());
        Path temp = Files.createTempFile(hashFile.getParent(), FILE, ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        Files.writeString(temp, hex + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, hashFile);
    }

    /** Standard output rather than the log: the one time a token is written out, and not into log files. */
    @SuppressWarnings("java:S106")
    private static void announce(String token) {
        System.out.println();
        System.out.println("================================================================");
        System.out.println(" logcentral: no token was configured, so one was made for you.");
        System.out.println(" It has the ingest, read and admin scopes. It is shown only now:");
        System.out.println();
        System.out.println("   " + token);
        System.out.println();
        System.out.println(" Use it as:  Authorization: Token <token>");
        System.out.println("================================================================");
        System.out.println();
    }
}
