package io.logcentral.auth;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The managed tokens in memory, so checking one costs no store round trip. Every change raises one version number in
 * the store; this replica reloads at once after its own changes, and polls that number every {@link #POLL_MILLIS} to
 * see the changes of others, so a revoke is refused everywhere within a second. Expiries (of a token, or of the old
 * secret after a rotation) are checked against the clock on every request and need no reload.
 */
@Component
public class ManagedTokenCache {

    static final long POLL_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(ManagedTokenCache.class);

    /** One accepted secret: the current one of a token, or its previous one during a rotation's grace period. */
    private record Secret(byte[] hash, TokenPrincipal principal, Long notAfter) {}

    private record Snapshot(
            long version, Map<String, Secret> byHash, List<ManagedToken> tokens, Map<String, TokenLimits> limits) {}

    private final ManagedTokenRepository repository;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "token-cache");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong pollFailures = new AtomicLong();
    private volatile Instant lastPoll = Instant.now();
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), List.of(), Map.of());

    ManagedTokenCache(ManagedTokenRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        reload();
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    /** The principal of a managed secret that is known and not expired. */
    Optional<TokenPrincipal> find(byte[] hash) {
        Secret secret = snapshot.byHash().get(TokenHash.hex(hash));
        if (secret == null || !MessageDigest.isEqual(secret.hash(), hash)) {
            return Optional.empty();
        }
        if (secret.notAfter() != null && clock.millis() >= secret.notAfter()) {
            return Optional.empty();
        }
        return Optional.of(secret.principal());
    }

    /** For {@code /health}: polls of the store that failed since start. */
    public long pollFailures() {
        return pollFailures.get();
    }

    /** For {@code /health}: when the store was last asked for changes without failing. */
    public Instant lastPoll() {
        return lastPoll;
    }

    List<ManagedToken> tokens() {
        return snapshot.tokens();
    }

    Optional<TokenLimits> limitsOf(String name) {
        return Optional.ofNullable(snapshot.limits().get(name));
    }

    /** Reads the table again; called after every change of this replica, before its answer goes out. */
    void reload() {
        Snapshot loaded = readOnly.execute(status -> load(repository.version(), repository.findAll()));
        swap(loaded);
    }

    private void poll() {
        try {
            Long version = readOnly.execute(status -> repository.version());
            if (version != null && version != snapshot.version()) {
                reload();
            }
            lastPoll = Instant.now();
        } catch (Throwable e) {
            // Whatever escaped would end the schedule, and with it every revoke made on another replica.
            // A busy or unreachable store: the tokens known so far stay in force until the next poll succeeds.
            log.warn("Reloading managed tokens failed ({} so far): {}", pollFailures.incrementAndGet(), e.toString());
        }
    }

    /** A reload that read an older version than one already in place (a poll racing a local change) is dropped. */
    private synchronized void swap(Snapshot loaded) {
        if (loaded.version() >= snapshot.version()) {
            snapshot = loaded;
        }
    }

    private static Snapshot load(long version, List<ManagedToken> tokens) {
        Map<String, Secret> byHash = new HashMap<>();
        Map<String, TokenLimits> limits = new HashMap<>();
        for (ManagedToken token : tokens) {
            limits.put(token.name(), token.limits());
            TokenPrincipal principal = new TokenPrincipal(token.name(), token.service(), token.scopes(), 201);
            byHash.put(
                    token.tokenHash(), new Secret(TokenHash.fromHex(token.tokenHash()), principal, token.expiresAt()));
            if (token.previousHash() != null) {
                byHash.put(
                        token.previousHash(),
                        new Secret(TokenHash.fromHex(token.previousHash()), principal, earlier(token)));
            }
        }
        return new Snapshot(version, Map.copyOf(byHash), List.copyOf(tokens), Map.copyOf(limits));
    }

    private static Long earlier(ManagedToken token) {
        if (token.expiresAt() == null) {
            return token.previousExpiresAt();
        }
        return Math.min(token.expiresAt(), token.previousExpiresAt());
    }
}
