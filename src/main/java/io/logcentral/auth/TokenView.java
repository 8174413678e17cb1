package io.logcentral.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.logcentral.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A token as {@code GET /admin/tokens} shows it: never its secret. Static tokens have {@code managed: false}. */
record TokenView(
        String name,
        boolean managed,
        List<String> scopes,
        String service,
        @JsonProperty("expires_at") String expiresAt,
        @JsonProperty("requests_per_second") Long requestsPerSecond,
        @JsonProperty("logs_per_second") Long logsPerSecond,
        @JsonProperty("created_at") String createdAt,

        @JsonProperty("previous_token_valid_until") @JsonInclude(JsonInclude.Include.NON_NULL)
        String previousValidUntil) {

    /** The answer of a create or a rotation: the only time the secret is ever shown. */
    record Created(@JsonUnwrapped TokenView view, String token) {}

    static TokenView of(TokenRegistry.StaticEntry entry) {
        TokenPrincipal principal = entry.principal();
        return new TokenView(
                principal.name(),
                false,
                names(principal.scopes()),
                principal.service(),
                null,
                entry.limits().requestsPerSecond(),
                entry.limits().logsPerSecond(),
                null,
                null);
    }

    static TokenView of(ManagedToken token) {
        return new TokenView(
                token.name(),
                true,
                names(token.scopes()),
                token.service(),
                time(token.expiresAt()),
                token.limits().requestsPerSecond(),
                token.limits().logsPerSecond(),
                time(token.createdAt()),
                time(token.previousExpiresAt()));
    }

    private static List<String> names(Set<Scope> scopes) {
        return scopes.stream()
                .map(scope -> scope.name().toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
    }

    private static String time(Long millis) {
        return millis == null ? null : Timestamps.format(Instant.ofEpochMilli(millis));
    }
}
