package io.logcentral.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users seed 003's clients authenticate as: {@code X-User-Token} is md5(user + password) in lowercase hex, which
 * the client computes itself; we keep only the SHA-256 of that and compare in constant time.
 */
@Service
class LoggerBotUsers {

    private final LoggerBotUserRepository users;

    LoggerBotUsers(LoggerBotUserRepository users) {
        this.users = users;
    }

    /** Creates the user, or gives an existing one its new password. */
    @Transactional
    void save(String name, String password, String telId) {
        String token = hex("MD5", name + password);
        users.save(new LoggerBotUser(name, hex("SHA-256", token), telId, System.currentTimeMillis() * 1000));
    }

    @Transactional(readOnly = true)
    boolean tokenMatches(String name, String token) {
        if (token == null) {
            return false;
        }
        byte[] presented =
                hex("SHA-256", token.trim().toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.US_ASCII);
        return users.findById(name)
                .map(user -> MessageDigest.isEqual(user.tokenHash().getBytes(StandardCharsets.US_ASCII), presented))
                .orElse(false);
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }
}
