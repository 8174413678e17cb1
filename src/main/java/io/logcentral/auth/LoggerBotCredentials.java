package io.logcentral.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credentials of seed 003's users: {@code X-User-Token} is md5(user + password) in lowercase hex, which the client
 * computes itself; only the SHA-256 of that is kept, and a presented token is compared in constant time.
 */
@Service
public class LoggerBotCredentials {

    private final LoggerBotUserRepository users;

    LoggerBotCredentials(LoggerBotUserRepository users) {
        this.users = users;
    }

    /**
     * Whether the caller may create LoggerBot users: an admin token, as seed 003's server asked for one as its API key.
     * Checked here rather than by the access table because a refusal must answer in that seed's own shape.
     */
    public boolean mayCreateUsers(TokenPrincipal caller) {
        return caller != null && caller.scopes().contains(Scope.ADMIN);
    }

    /**
     * Creates the user, or gives an existing one its new password.
     *
     * @throws IllegalArgumentException when the name or the password is empty: the token would be md5 of the name
     */
    @Transactional
    public void save(String name, String password, String telId) {
        if (name.isBlank() || password.isEmpty()) {
            throw new IllegalArgumentException("a LoggerBot user needs a name and a password");
        }
        String token = hex(digest("MD5", name + password));
        users.upsert(name, hex(TokenHash.of(token)), telId, System.currentTimeMillis() * 1000);
    }

    @Transactional(readOnly = true)
    public boolean tokenMatches(String name, String token) {
        if (token == null) {
            return false;
        }
        byte[] presented =
                hex(TokenHash.of(token.trim().toLowerCase(Locale.ROOT))).getBytes(StandardCharsets.US_ASCII);
        return users.findById(name)
                .map(user -> MessageDigest.isEqual(user.tokenHash().getBytes(StandardCharsets.US_ASCII), presented))
                .orElse(false);
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }
}
