package io.logcentral.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
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
        String token = Digests.md5(name + password);
        users.save(new LoggerBotUser(name, Digests.sha256(token), telId, System.currentTimeMillis() * 1000));
    }

    @Transactional(readOnly = true)
    boolean tokenMatches(String name, String token) {
        if (token == null) {
            return false;
        }
        byte[] presented = Digests.sha256(token.trim().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII);
        return users.findById(name)
                .map(user -> MessageDigest.isEqual(user.tokenHash().getBytes(StandardCharsets.US_ASCII), presented))
                .orElse(false);
    }
}
