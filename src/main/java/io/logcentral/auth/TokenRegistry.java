package io.logcentral.auth;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The tokens this server accepts, kept only as hashes: the static ones of configuration, and the managed ones. */
@Component
class TokenRegistry {

    static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    private static final Logger log = LoggerFactory.getLogger(TokenRegistry.class);
    private static final int SHORT_TOKEN = 16;

    /** A token of configuration (or the first start's admin token), listed read-only. */
    record StaticEntry(byte[] hash, TokenPrincipal principal, TokenLimits limits) {}

    private final List<StaticEntry> entries = new ArrayList<>();
    /** By name: the rate limiter asks for a token's limits on every request. */
    private final Map<String, TokenLimits> staticLimits;

    private final ManagedTokenCache managed;

    TokenRegistry(AuthProperties properties, AdminTokenBootstrap bootstrap, ManagedTokenCache managed) {
        this.managed = managed;
        properties.tokens().forEach(this::addStatic);
        if (entries.isEmpty()) {
            bootstrap
                    .adminTokenHash()
                    .ifPresent(hash -> entries.add(new StaticEntry(hash, bootstrap.principal(), TokenLimits.NONE)));
        }
        Map<String, TokenLimits> limits = new HashMap<>();
        entries.forEach(entry -> limits.putIfAbsent(entry.principal().name(), entry.limits()));
        staticLimits = Map.copyOf(limits);
        log.info(
                "Accepting {} static token(s) and {} managed token(s)",
                entries.size(),
                managed.tokens().size());
    }

    /** Compares the hash with every static one, each in constant time, so timing tells nothing about which matched. */
    Optional<TokenPrincipal> find(String token) {
        byte[] hash = TokenHash.of(token);
        TokenPrincipal found = null;
        for (StaticEntry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.principal();
            }
        }
        return found != null ? Optional.of(found) : managed.find(hash);
    }

    List<StaticEntry> staticTokens() {
        return List.copyOf(entries);
    }

    boolean isStatic(String name) {
        return entries.stream().anyMatch(entry -> entry.principal().name().equals(name));
    }

    /** The limits a token set for itself (static or managed); empty for a name no token has. */
    Optional<TokenLimits> limitsOf(String name) {
        TokenLimits own = staticLimits.get(name);
        return own != null ? Optional.of(own) : managed.limitsOf(name);
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
        if (entries.stream().anyMatch(entry -> MessageDigest.isEqual(entry.hash(), hash))) {
            throw new IllegalStateException("Token '" + name + "' has the same secret as another token");
        }
        var scopes = token.scopes().isEmpty() ? EnumSet.of(Scope.INGEST) : EnumSet.copyOf(token.scopes());
        String service = token.service() == null || token.service().isBlank() ? null : token.service();
        entries.add(new StaticEntry(
                hash,
                new TokenPrincipal(name, service, scopes, token.successStatus()),
                new TokenLimits(token.requestsPerSecond(), token.logsPerSecond())));
    }
}
