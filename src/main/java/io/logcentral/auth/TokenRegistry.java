package io.logcentral.auth;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The tokens this server accepts, kept only as hashes. */
@Component
class TokenRegistry {

    private static final Logger log = LoggerFactory.getLogger(TokenRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final int SHORT_TOKEN = 16;

    private record Entry(byte[] hash, TokenPrincipal principal) {}

    private final List<Entry> entries = new ArrayList<>();

    TokenRegistry(AuthProperties properties, AdminTokenBootstrap bootstrap) {
        properties.tokens().forEach(this::addStatic);
        if (entries.isEmpty()) {
            bootstrap.adminTokenHash().ifPresent(hash -> entries.add(new Entry(hash, bootstrap.principal())));
        }
        log.info("Accepting {} token(s)", entries.size());
    }

    /** Compares the hash with every known one, each in constant time, so timing tells nothing about which matched. */
    Optional<TokenPrincipal> find(String token) {
        byte[] hash = TokenHash.of(token);
        TokenPrincipal found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    private void addStatic(String name, AuthProperties.StaticToken token) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(
                    "Token name '" + name + "' must be lowercase letters, digits and '-' (logcentral.tokens.<name>)");
        }
        if (token.token() == null || token.token().isBlank()) {
            throw new IllegalStateException("logcentral.tokens." + name + ".token is empty");
        }
        if (token.token().length() < SHORT_TOKEN) {
            log.warn("Token '{}' is shorter than {} characters: easy to guess", name, SHORT_TOKEN);
        }
        byte[] hash = TokenHash.of(token.token());
        if (find(token.token()).isPresent()) {
            throw new IllegalStateException("Token '" + name + "' has the same secret as another token");
        }
        var scopes = token.scopes().isEmpty() ? EnumSet.of(Scope.INGEST) : EnumSet.copyOf(token.scopes());
        String service = token.service() == null || token.service().isBlank() ? null : token.service();
        entries.add(new Entry(hash, new TokenPrincipal(name, service, scopes, token.successStatus())));
    }
}
