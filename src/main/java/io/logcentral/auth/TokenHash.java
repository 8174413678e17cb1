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
    /** Cloned for each hash: looking SHA-256 up among the providers cost more than hashing a token with it. */
    private static final MessageDigest SHA_256 = sha256();

    private TokenHash() {}

    /** A new secret: 256 random bits, URL-safe, with a prefix that secret scanners can recognise. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "lc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] of(String token) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        return digest.digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
