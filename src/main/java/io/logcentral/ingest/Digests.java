package io.logcentral.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lowercase hex SHA-256 digests, for idempotency keys and the bodies sent under them. */
final class Digests {

    private Digests() {}

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The body as received, with its content type: the same bytes read as NDJSON or as text are different requests. */
    static String body(String contentType, byte[] body) {
        MessageDigest digest = sha256();
        digest.update((contentType == null ? "" : contentType.trim()).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        return HexFormat.of().formatHex(digest.digest(body));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
