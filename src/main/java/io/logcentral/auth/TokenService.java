package io.logcentral.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, lists, rotates and revokes managed tokens. Each change is one tiny write transaction (it holds the store's
 * write lock), and the cache of this replica is reloaded before the answer goes out.
 */
@Service
class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    /** The name requests without a token go by where anonymous access is on. */
    static final String ANONYMOUS = "anonymous";

    private final ManagedTokenRepository repository;
    private final ManagedTokenCache cache;
    private final TokenRegistry registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TokenService(
            ManagedTokenRepository repository,
            ManagedTokenCache cache,
            TokenRegistry registry,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.cache = cache;
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Static tokens first, then the managed ones, by name; never a secret. */
    List<TokenView> list() {
        List<TokenView> views = new ArrayList<>();
        registry.staticTokens().forEach(entry -> views.add(TokenView.of(entry)));
        cache.tokens().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(token -> views.add(TokenView.of(token)));
        return views;
    }

    TokenView.Created create(TokenRequest request) {
        if (registry.isStatic(request.name()) || request.name().equals(ANONYMOUS)) {
            throw new TokenNameTakenException(request.name(), "a static token");
        }
        long now = clock.millis();
        if (request.expiresAt() != null && request.expiresAt() <= now) {
            throw new InvalidTokenRequestException("expires_at", "expires_at must be in the future");
        }
        String secret = TokenHash.newToken();
        ManagedToken token = new ManagedToken(request, TokenHash.of(secret), now);
        transactions.executeWithoutResult(status -> {
            repository.bumpVersion();
            if (repository.existsById(request.name())) {
                throw new TokenNameTakenException(request.name(), "another managed token");
            }
            repository.save(token);
        });
        refresh();
        return new TokenView.Created(TokenView.of(token), secret);
    }

    /** A new secret; the previous one is accepted for {@code grace} more (a secret older still stops at once). */
    TokenView.Created rotate(String name, Duration grace) {
        String secret = TokenHash.newToken();
        long now = clock.millis();
        ManagedToken rotated = transactions.execute(status -> {
            repository.bumpVersion();
            ManagedToken token = repository.findById(name).orElseThrow(() -> notFound(name));
            token.rotate(TokenHash.of(secret), now + grace.toMillis(), now);
            return repository.save(token);
        });
        refresh();
        return new TokenView.Created(TokenView.of(rotated), secret);
    }

    void revoke(String name) {
        transactions.executeWithoutResult(status -> {
            repository.bumpVersion();
            ManagedToken token = repository.findById(name).orElseThrow(() -> notFound(name));
            repository.delete(token);
        });
        refresh();
    }

    /**
     * The change is committed whatever happens here: when the store is too busy to read it back at once, the poll picks
     * it up within {@link ManagedTokenCache#POLL_MILLIS}, still inside the promised second.
     */
    private void refresh() {
        try {
            cache.reload();
        } catch (RuntimeException e) {
            log.warn("Managed tokens changed but could not be reloaded at once; the poll will: {}", e.toString());
        }
    }

    private TokenNotFoundException notFound(String name) {
        return registry.isStatic(name)
                ? new TokenNotFoundException(name, "is a static token: change it in the configuration")
                : new TokenNotFoundException(name, "not found");
    }
}
