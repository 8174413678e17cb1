package io.logcentral.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which scope each call needs; one list both enforces it and names it when a token lacks it. */
final class ScopeRules {

    record Rule(RequestMatcher matcher, Scope scope) {}

    static final List<Rule> RULES = List.of(
            rule(HttpMethod.POST, "/logs", Scope.INGEST),
            rule(HttpMethod.POST, "/log", Scope.INGEST),
            rule(HttpMethod.POST, "/v1/logs", Scope.INGEST),
            rule(HttpMethod.POST, "/_bulk", Scope.INGEST),
            rule(HttpMethod.POST, "/*/_bulk", Scope.INGEST),
            rule(HttpMethod.GET, "/logs", Scope.READ),
            rule(HttpMethod.GET, "/logs/**", Scope.READ),
            rule(HttpMethod.GET, "/metrics", Scope.READ),
            rule(HttpMethod.GET, "/actuator/**", Scope.READ),
            rule(null, "/admin/**", Scope.ADMIN));

    /** Paths that check credentials themselves: an unknown token there is theirs to refuse, in their own shape. */
    static final String[] OWN_CREDENTIALS = {"/create_user", "/send_logs"};

    private static final List<RequestMatcher> OWN_CREDENTIAL_MATCHERS = Arrays.stream(OWN_CREDENTIALS)
            .<RequestMatcher>map(
                    path -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
            .toList();

    private ScopeRules() {}

    static boolean checksOwnCredentials(HttpServletRequest request) {
        return OWN_CREDENTIAL_MATCHERS.stream().anyMatch(matcher -> matcher.matches(request));
    }

    static Optional<Scope> required(HttpServletRequest request) {
        return RULES.stream()
                .filter(rule -> rule.matcher().matches(request))
                .map(Rule::scope)
                .findFirst();
    }

    private static Rule rule(HttpMethod method, String pattern, Scope scope) {
        return new Rule(PathPatternRequestMatcher.withDefaults().matcher(method, pattern), scope);
    }
}
