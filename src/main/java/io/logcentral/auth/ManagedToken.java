package io.logcentral.auth;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A token made through {@code /admin/tokens}: its secret is kept only as a SHA-256 hash. */
@Entity
@Table(name = "managed_tokens")
class ManagedToken {

    @Id
    private String name;

    private String tokenHash;

    /** The secret before the last rotation, accepted until {@link #previousExpiresAt}. */
    private String previousHash;

    private Long previousExpiresAt;

    private String scopes;

    private String service;

    private Long expiresAt;

    private Long requestsPerSecond;

    private Long logsPerSecond;

    private long createdAt;

    private long updatedAt;

    protected ManagedToken() {}

    ManagedToken(TokenRequest request, byte[] hash, long now) {
        this.name = request.name();
        this.tokenHash = TokenHash.hex(hash);
        this.scopes = request.scopes().stream()
                .map(scope -> scope.name().toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(","));
        this.service = request.service();
        this.expiresAt = request.expiresAt();
        this.requestsPerSecond = request.limits().requestsPerSecond();
        this.logsPerSecond = request.limits().logsPerSecond();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new secret; the one it replaces keeps working until {@code previousUntil}, or stops now when that is now. */
    void rotate(byte[] hash, long previousUntil, long now) {
        boolean keepPrevious = previousUntil > now;
        this.previousHash = keepPrevious ? tokenHash : null;
        this.previousExpiresAt = keepPrevious ? previousUntil : null;
        this.tokenHash = TokenHash.hex(hash);
        this.updatedAt = now;
    }

    String name() {
        return name;
    }

    String tokenHash() {
        return tokenHash;
    }

    String previousHash() {
        return previousHash;
    }

    Long previousExpiresAt() {
        return previousExpiresAt;
    }

    Set<Scope> scopes() {
        Set<Scope> parsed = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(","))
                .filter(s -> !s.isBlank())
                .forEach(s -> parsed.add(Scope.valueOf(s.toUpperCase(Locale.ROOT))));
        return parsed;
    }

    String service() {
        return service;
    }

    Long expiresAt() {
        return expiresAt;
    }

    TokenLimits limits() {
        return new TokenLimits(requestsPerSecond, logsPerSecond);
    }

    long createdAt() {
        return createdAt;
    }
}
