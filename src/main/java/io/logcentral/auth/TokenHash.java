package io.logcentral.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a token. Tokens are long random strings, so a fast hash is enough, and a deliberately slow password hash
 * would cost every request.
 */
final class TokenHash {

    private TokenHash() {}

    static byte[] of(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex.trim());
    }
}
