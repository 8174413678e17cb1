package io.logcentral.auth;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Static tokens and anonymous access.
 *
 * @param tokens static tokens by name ({@code [a-z0-9-]}, since environment variables cannot carry more)
 * @param anonymous what a request without any token may do; nothing unless an operator opts in
 */
@ConfigurationProperties("logcentral")
record AuthProperties(
        Map<String, StaticToken> tokens, @DefaultValue Anonymous anonymous) {

    AuthProperties {
        tokens = tokens == null ? Map.of() : tokens;
    }

    /**
     * @param token the secret itself; kept in memory only as its SHA-256 hash
     * @param service the service this token writes and reads as, or none
     * @param scopes what it may do; {@code ingest} when not given
     * @param successStatus the status of a successful ingest: 201, or 200 for clients that count only 200 as success
     * @param requestsPerSecond requests a second this token may make; unset: the default of
     *     {@code logcentral.rate-limit}
     * @param logsPerSecond logs a second this token may send; unset: the default of {@code logcentral.rate-limit}
     */
    record StaticToken(
            String token,
            String service,
            @DefaultValue("ingest") Set<Scope> scopes,
            @DefaultValue("201") int successStatus,
            Long requestsPerSecond,
            Long logsPerSecond) {}

    /**
     * @param scopes what a request without a token may do, for old clients on a trusted network; empty: nothing
     * @param service the service such requests are bound to, or none
     */
    record Anonymous(Set<Scope> scopes, String service) {

        Anonymous {
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }
    }
}
