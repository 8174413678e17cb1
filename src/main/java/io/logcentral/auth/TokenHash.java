package io.logcentral.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256 of a token. Tokens are long random strings, so a fast hash is enough, and a deliberately slow password hash
 * would cost every request.
 */
final class TokenHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {}

    /** A new secret: 256 random bits, URL-safe, with a prefix that secret scanners can recognise. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "lc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

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
